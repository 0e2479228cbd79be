using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnreadCountedFromNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The count is derived from the notices from now on (see UnreadNotices); nothing is lost with the column.
            migrationBuilder.DropColumn(
                name: "unread",
                table: "notice_inboxes");

            migrationBuilder.CreateIndex(
                name: "ix_notices_unread",
                table: "notices",
                column: "user_id",
                filter: "in_app AND read_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notices_unread",
                table: "notices");

            migrationBuilder.AddColumn<int>(
                name: "unread",
                table: "notice_inboxes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The kept counts, as they were before: one row per person with unread in-app notices.
            migrationBuilder.Sql("""
                INSERT INTO notice_inboxes (user_id, unread, language)
                SELECT user_id, count(*), 'zh-CN' FROM notices WHERE in_app AND read_at IS NULL GROUP BY user_id
                ON CONFLICT (user_id) DO UPDATE SET unread = excluded.unread
                """);
        }
    }
}
