using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PledgeFinancing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bank_pledge_policies",
                columns: table => new
                {
                    bank_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    policy_design_cap_percent = table.Column<decimal>(type: "numeric(7,4)", nullable: false),
                    policy_design_min_years = table.Column<int>(type: "integer", nullable: false),
                    policy_invention_cap_percent = table.Column<decimal>(type: "numeric(7,4)", nullable: false),
                    policy_invention_min_years = table.Column<int>(type: "integer", nullable: false),
                    policy_utility_model_cap_percent = table.Column<decimal>(type: "numeric(7,4)", nullable: false),
                    policy_utility_model_min_years = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_pledge_policies", x => x.bank_organization_id);
                    table.ForeignKey(
                        name: "fk_bank_pledge_policies_organizations_bank_organization_id",
                        column: x => x.bank_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pledge_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    applicant_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_amount = table.Column<decimal>(type: "numeric(18,2)", nullable: false),
                    term_months = table.Column<int>(type: "integer", nullable: false),
                    purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    patents = table.Column<string>(type: "jsonb", nullable: false),
                    patent_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    valuation = table.Column<string>(type: "jsonb", nullable: false),
                    financials = table.Column<string>(type: "jsonb", nullable: false),
                    info_question = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    info_answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    officer_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recommendation = table.Column<string>(type: "jsonb", nullable: true),
                    recommended_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    approved_amount = table.Column<decimal>(type: "numeric(18,2)", nullable: true),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    registration_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    disbursements = table.Column<string>(type: "jsonb", nullable: false),
                    disbursed_amount = table.Column<decimal>(type: "numeric(18,2)", nullable: false),
                    pledgee_consent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pledge_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_pledge_applications_organizations_applicant_organization_id",
                        column: x => x.applicant_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pledge_applications_organizations_bank_organization_id",
                        column: x => x.bank_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pledge_totals",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    disbursed = table.Column<decimal>(type: "numeric(18,2)", nullable: false),
                    approved_not_disbursed = table.Column<decimal>(type: "numeric(18,2)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pledge_totals", x => x.year);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pledge_applications_applicant_organization_id",
                table: "pledge_applications",
                column: "applicant_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_pledge_applications_bank_organization_id_status",
                table: "pledge_applications",
                columns: new[] { "bank_organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_pledge_applications_patent_ids",
                table: "pledge_applications",
                column: "patent_ids")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_pledge_policies");

            migrationBuilder.DropTable(
                name: "pledge_applications");

            migrationBuilder.DropTable(
                name: "pledge_totals");
        }
    }
}
