using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogCursor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_listings_catalog",
                table: "listings");

            migrationBuilder.CreateIndex(
                name: "ix_listings_catalog",
                table: "listings",
                columns: new[] { "published_at", "created_at", "id" },
                descending: new bool[0],
                filter: "status IN ('Published', 'Suspended')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_listings_catalog",
                table: "listings");

            migrationBuilder.CreateIndex(
                name: "ix_listings_catalog",
                table: "listings",
                columns: new[] { "published_at", "created_at" },
                descending: new bool[0],
                filter: "status IN ('Published', 'Suspended')");
        }
    }
}
