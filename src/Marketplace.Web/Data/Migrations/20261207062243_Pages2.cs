using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Pages2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_pledge_applications_bank_organization_id_submitted_at_updat",
                table: "pledge_applications",
                columns: new[] { "bank_organization_id", "submitted_at", "updated_at" },
                descending: new[] { false, false, true },
                filter: "status <> 'Draft'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_pledge_applications_bank_organization_id_submitted_at_updat",
                table: "pledge_applications");
        }
    }
}
