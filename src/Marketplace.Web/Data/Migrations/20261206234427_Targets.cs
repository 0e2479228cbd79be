using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Targets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_pledge_totals",
                table: "pledge_totals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_deal_totals",
                table: "deal_totals");

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "pledge_totals",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "Platform");

            migrationBuilder.AddColumn<string>(
                name: "evidence",
                table: "pledge_totals",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Declared");

            migrationBuilder.AddColumn<string>(
                name: "evidence_state",
                table: "matchmaking_sessions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Declared");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "evidence_verified_at",
                table: "matchmaking_sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "evidence_verified_by",
                table: "matchmaking_sessions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "evidence_verified_by_user_id",
                table: "matchmaking_sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "evidence_state",
                table: "instalments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Declared");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "evidence_verified_at",
                table: "instalments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "evidence_verified_by",
                table: "instalments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "evidence_verified_by_user_id",
                table: "instalments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "evidence_state",
                table: "deals",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Declared");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "evidence_verified_at",
                table: "deals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "evidence_verified_by",
                table: "deals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "evidence_verified_by_user_id",
                table: "deals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "deal_totals",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "Platform");

            migrationBuilder.AddColumn<string>(
                name: "evidence",
                table: "deal_totals",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Declared");

            migrationBuilder.AddPrimaryKey(
                name: "pk_pledge_totals",
                table: "pledge_totals",
                columns: new[] { "year", "month", "bank_organization_id", "source", "evidence" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_deal_totals",
                table: "deal_totals",
                columns: new[] { "year", "month", "category", "owner", "industry", "source", "evidence" });

            migrationBuilder.CreateTable(
                name: "evidence_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tranche = table.Column<int>(type: "integer", nullable: true),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    uploaded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    uploaded_by_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    created = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    imported_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    imported_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_batches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pending_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "target_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    targets_deals = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    targets_pledge_financing = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    targets_sessions_per_year = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_target_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_blobs",
                columns: table => new
                {
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_blobs", x => x.document_id);
                    table.ForeignKey(
                        name: "fk_evidence_blobs_evidence_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "evidence_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "imported_contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    seller_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    seller_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    buyer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    buyer_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    application_numbers = table.Column<string[]>(type: "text[]", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    contract_date = table.Column<DateOnly>(type: "date", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    owner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    industry = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    evidence_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    evidence_verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    evidence_verified_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    evidence_verified_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imported_contracts", x => x.id);
                    table.ForeignKey(
                        name: "fk_imported_contracts_import_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "import_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "imported_pledges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    pledgor_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    pledgor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    application_numbers = table.Column<string[]>(type: "text[]", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    tranches = table.Column<string>(type: "jsonb", nullable: false),
                    disbursed = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    evidence_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    evidence_verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    evidence_verified_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    evidence_verified_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imported_pledges", x => x.id);
                    table.ForeignKey(
                        name: "fk_imported_pledges_import_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "import_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_imported_pledges_organizations_bank_organization_id",
                        column: x => x.bank_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_documents_record_kind_record_id",
                table: "evidence_documents",
                columns: new[] { "record_kind", "record_id" });

            migrationBuilder.CreateIndex(
                name: "ix_import_batches_organization_id",
                table: "import_batches",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_imported_contracts_batch_id",
                table: "imported_contracts",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_imported_contracts_contract_date",
                table: "imported_contracts",
                column: "contract_date");

            migrationBuilder.CreateIndex(
                name: "ix_imported_contracts_registration_number",
                table: "imported_contracts",
                column: "registration_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_imported_pledges_bank_organization_id",
                table: "imported_pledges",
                column: "bank_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_imported_pledges_batch_id",
                table: "imported_pledges",
                column: "batch_id");

            migrationBuilder.CreateIndex(
                name: "ix_imported_pledges_registration_number",
                table: "imported_pledges",
                column: "registration_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pending_imports_created_at",
                table: "pending_imports",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_target_plans_starts_on",
                table: "target_plans",
                column: "starts_on");

            // The park's 2022–2025 plan with its targets (it was configuration before; now the park office keeps plans).
            migrationBuilder.Sql(Marketplace.Web.Features.Targets.Plans.PlanSeed.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence_blobs");

            migrationBuilder.DropTable(
                name: "imported_contracts");

            migrationBuilder.DropTable(
                name: "imported_pledges");

            migrationBuilder.DropTable(
                name: "pending_imports");

            migrationBuilder.DropTable(
                name: "target_plans");

            migrationBuilder.DropTable(
                name: "evidence_documents");

            migrationBuilder.DropTable(
                name: "import_batches");

            migrationBuilder.DropPrimaryKey(
                name: "pk_pledge_totals",
                table: "pledge_totals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_deal_totals",
                table: "deal_totals");

            migrationBuilder.DropColumn(
                name: "source",
                table: "pledge_totals");

            migrationBuilder.DropColumn(
                name: "evidence",
                table: "pledge_totals");

            migrationBuilder.DropColumn(
                name: "evidence_state",
                table: "matchmaking_sessions");

            migrationBuilder.DropColumn(
                name: "evidence_verified_at",
                table: "matchmaking_sessions");

            migrationBuilder.DropColumn(
                name: "evidence_verified_by",
                table: "matchmaking_sessions");

            migrationBuilder.DropColumn(
                name: "evidence_verified_by_user_id",
                table: "matchmaking_sessions");

            migrationBuilder.DropColumn(
                name: "evidence_state",
                table: "instalments");

            migrationBuilder.DropColumn(
                name: "evidence_verified_at",
                table: "instalments");

            migrationBuilder.DropColumn(
                name: "evidence_verified_by",
                table: "instalments");

            migrationBuilder.DropColumn(
                name: "evidence_verified_by_user_id",
                table: "instalments");

            migrationBuilder.DropColumn(
                name: "evidence_state",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "evidence_verified_at",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "evidence_verified_by",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "evidence_verified_by_user_id",
                table: "deals");

            migrationBuilder.DropColumn(
                name: "source",
                table: "deal_totals");

            migrationBuilder.DropColumn(
                name: "evidence",
                table: "deal_totals");

            migrationBuilder.AddPrimaryKey(
                name: "pk_pledge_totals",
                table: "pledge_totals",
                columns: new[] { "year", "month", "bank_organization_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_deal_totals",
                table: "deal_totals",
                columns: new[] { "year", "month", "category", "owner", "industry" });
        }
    }
}
