using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PatentsAndListings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "patents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    publication_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    title_zh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    abstract_zh = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    abstract_en = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ipc_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    main_ipc = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    inventors = table.Column<string[]>(type: "text[]", nullable: false),
                    owners = table.Column<string>(type: "jsonb", nullable: false),
                    filing_date = table.Column<DateOnly>(type: "date", nullable: false),
                    grant_date = table.Column<DateOnly>(type: "date", nullable: true),
                    legal_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    lapse_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    fees_paid_through = table.Column<DateOnly>(type: "date", nullable: true),
                    owner_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    term_end = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patents", x => x.id);
                    table.ForeignKey(
                        name: "fk_patents_organizations_owner_organization_id",
                        column: x => x.owner_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "listings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    terms = table.Column<string>(type: "jsonb", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    modes = table.Column<string[]>(type: "text[]", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listings", x => x.id);
                    table.ForeignKey(
                        name: "fk_listings_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_listings_patents_patent_id",
                        column: x => x.patent_id,
                        principalTable: "patents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_listings_organization_id",
                table: "listings",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_listings_patent_id",
                table: "listings",
                column: "patent_id");

            migrationBuilder.CreateIndex(
                name: "ix_listings_status_published_at",
                table: "listings",
                columns: new[] { "status", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_patents_application_number",
                table: "patents",
                column: "application_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_patents_main_ipc",
                table: "patents",
                column: "main_ipc");

            migrationBuilder.CreateIndex(
                name: "ix_patents_owner_organization_id",
                table: "patents",
                column: "owner_organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "listings");

            migrationBuilder.DropTable(
                name: "patents");
        }
    }
}
