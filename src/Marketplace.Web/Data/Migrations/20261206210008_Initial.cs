using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attachment_blobs",
                columns: table => new
                {
                    stored_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attachment_blobs", x => x.stored_name);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    entity = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    entity_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    from_state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    to_state = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ip_address = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "deal_totals",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    owner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    industry = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contracted = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    received = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    deals = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deal_totals", x => new { x.year, x.month, x.category, x.owner, x.industry });
                });

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    request_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    content_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    location = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    body = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotent_requests", x => new { x.user_id, x.key });
                });

            migrationBuilder.CreateTable(
                name: "match_requests",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    need_id = table.Column<Guid>(type: "uuid", nullable: true),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "matchmaking_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    details = table.Column<string>(type: "jsonb", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    current_pitch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    questions_open = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_matchmaking_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name_zh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    is_verified = table.Column<bool>(type: "boolean", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pledge_totals",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    bank_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    disbursed = table.Column<decimal>(type: "numeric(18,2)", nullable: false),
                    approved_not_disbursed = table.Column<decimal>(type: "numeric(18,2)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pledge_totals", x => new { x.year, x.month, x.bank_organization_id });
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "search_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: true),
                    patent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_search_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stripe_events",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payment_intent_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stripe_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "session_events",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_events", x => new { x.session_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_session_events_matchmaking_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "matchmaking_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pitch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_questions_matchmaking_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "matchmaking_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    registration_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    disbursements = table.Column<string>(type: "jsonb", nullable: false),
                    disbursed_amount = table.Column<decimal>(type: "numeric(18,2)", nullable: false),
                    pledgee_consent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                name: "session_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    check_in_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    online_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_registrations_matchmaking_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "matchmaking_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_session_registrations_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "technology_needs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    details = table.Column<string>(type: "jsonb", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    review_comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_technology_needs", x => x.id);
                    table.ForeignKey(
                        name: "fk_technology_needs_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "deals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    terms = table.Column<string>(type: "jsonb", nullable: false),
                    contract_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    seller_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    buyer_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: true),
                    inquiry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    offer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    origin = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    contract_date = table.Column<DateOnly>(type: "date", nullable: true),
                    registration_number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    seller_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    buyer_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    record_number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    record_date = table.Column<DateOnly>(type: "date", nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    received = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deals", x => x.id);
                    table.ForeignKey(
                        name: "fk_deals_organizations_buyer_organization_id",
                        column: x => x.buyer_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deals_organizations_seller_organization_id",
                        column: x => x.seller_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deals_patents_patent_id",
                        column: x => x.patent_id,
                        principalTable: "patents",
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

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "instalments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    deal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    paid = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    refunded = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    stripe_payment_intent_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    intent_attempt = table.Column<int>(type: "integer", nullable: false),
                    transfer_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    transfer_evidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    transfer_reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_instalments", x => x.id);
                    table.ForeignKey(
                        name: "fk_instalments_deals_deal_id",
                        column: x => x.deal_id,
                        principalTable: "deals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inquiries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: true),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inquiries", x => x.id);
                    table.ForeignKey(
                        name: "fk_inquiries_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inquiries_organizations_enterprise_organization_id",
                        column: x => x.enterprise_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inquiries_organizations_owner_organization_id",
                        column: x => x.owner_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inquiries_patents_patent_id",
                        column: x => x.patent_id,
                        principalTable: "patents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "need_matches",
                columns: table => new
                {
                    need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    reasons = table.Column<string>(type: "jsonb", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_need_matches", x => new { x.need_id, x.listing_id });
                    table.ForeignKey(
                        name: "fk_need_matches_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_need_matches_needs_need_id",
                        column: x => x.need_id,
                        principalTable: "technology_needs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_pitches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    presenter_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_pitches", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_pitches_listings_listing_id",
                        column: x => x.listing_id,
                        principalTable: "listings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_session_pitches_matchmaking_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "matchmaking_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_session_pitches_organizations_presenter_organization_id",
                        column: x => x.presenter_organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inquiry_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inquiry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attachment_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    attachment_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    attachment_size = table.Column<long>(type: "bigint", nullable: true),
                    attachment_stored_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inquiry_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_inquiry_messages_inquiries_inquiry_id",
                        column: x => x.inquiry_id,
                        principalTable: "inquiries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inquiry_reads",
                columns: table => new
                {
                    inquiry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inquiry_reads", x => new { x.inquiry_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_inquiry_reads_inquiries_inquiry_id",
                        column: x => x.inquiry_id,
                        principalTable: "inquiries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_inquiry_reads_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inquiry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    counter_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    proposed_by_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    terms = table.Column<string>(type: "jsonb", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offers", x => x.id);
                    table.ForeignKey(
                        name: "fk_offers_inquiries_inquiry_id",
                        column: x => x.inquiry_id,
                        principalTable: "inquiries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_interests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pitch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    listing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_session_interests", x => x.id);
                    table.ForeignKey(
                        name: "fk_session_interests_matchmaking_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "matchmaking_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_session_interests_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_session_interests_session_pitches_pitch_id",
                        column: x => x.pitch_id,
                        principalTable: "session_pitches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[,]
                {
                    { new Guid("00000000-0000-0000-0000-000000000001"), "Enterprise", "Enterprise", "ENTERPRISE" },
                    { new Guid("00000000-0000-0000-0000-000000000002"), "TechTransferOffice", "TechTransferOffice", "TECHTRANSFEROFFICE" },
                    { new Guid("00000000-0000-0000-0000-000000000003"), "BankOfficer", "BankOfficer", "BANKOFFICER" },
                    { new Guid("00000000-0000-0000-0000-000000000004"), "BankApprover", "BankApprover", "BANKAPPROVER" },
                    { new Guid("00000000-0000-0000-0000-000000000005"), "ParkAdmin", "ParkAdmin", "PARKADMIN" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_entity_id",
                table: "audit_log",
                columns: new[] { "entity", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_occurred_at",
                table: "audit_log",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_deals_buyer_organization_id",
                table: "deals",
                column: "buyer_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_deals_inquiry_id",
                table: "deals",
                column: "inquiry_id");

            migrationBuilder.CreateIndex(
                name: "ix_deals_offer_id",
                table: "deals",
                column: "offer_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deals_patent_id",
                table: "deals",
                column: "patent_id");

            migrationBuilder.CreateIndex(
                name: "ix_deals_seller_organization_id",
                table: "deals",
                column: "seller_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_deals_status_contract_date",
                table: "deals",
                columns: new[] { "status", "contract_date" });

            migrationBuilder.CreateIndex(
                name: "ix_idempotent_requests_created_at",
                table: "idempotent_requests",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_inquiries_enterprise_organization_id",
                table: "inquiries",
                column: "enterprise_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_inquiries_listing_id",
                table: "inquiries",
                column: "listing_id");

            migrationBuilder.CreateIndex(
                name: "ix_inquiries_owner_organization_id",
                table: "inquiries",
                column: "owner_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_inquiries_patent_id",
                table: "inquiries",
                column: "patent_id");

            migrationBuilder.CreateIndex(
                name: "ix_inquiry_messages_inquiry_id_sent_at",
                table: "inquiry_messages",
                columns: new[] { "inquiry_id", "sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_inquiry_reads_user_id",
                table: "inquiry_reads",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_instalments_deal_id_number",
                table: "instalments",
                columns: new[] { "deal_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_instalments_stripe_payment_intent_id",
                table: "instalments",
                column: "stripe_payment_intent_id",
                unique: true);

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
                name: "ix_match_requests_requested_at",
                table: "match_requests",
                column: "requested_at");

            migrationBuilder.CreateIndex(
                name: "ix_matchmaking_sessions_status_starts_at",
                table: "matchmaking_sessions",
                columns: new[] { "status", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_need_matches_listing_id_score",
                table: "need_matches",
                columns: new[] { "listing_id", "score" });

            migrationBuilder.CreateIndex(
                name: "ix_offers_inquiry_id_number",
                table: "offers",
                columns: new[] { "inquiry_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organizations_credit_code",
                table: "organizations",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organizations_is_verified_registered_at",
                table: "organizations",
                columns: new[] { "is_verified", "registered_at" });

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

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_search_changes_at",
                table: "search_changes",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_session_interests_organization_id",
                table: "session_interests",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_interests_owner_organization_id_session_id",
                table: "session_interests",
                columns: new[] { "owner_organization_id", "session_id" });

            migrationBuilder.CreateIndex(
                name: "ix_session_interests_pitch_id_organization_id",
                table: "session_interests",
                columns: new[] { "pitch_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_interests_session_id",
                table: "session_interests",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_pitches_listing_id",
                table: "session_pitches",
                column: "listing_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_pitches_presenter_organization_id",
                table: "session_pitches",
                column: "presenter_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_pitches_session_id_listing_id",
                table: "session_pitches",
                columns: new[] { "session_id", "listing_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_questions_session_id_at",
                table: "session_questions",
                columns: new[] { "session_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_session_registrations_organization_id",
                table: "session_registrations",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_session_registrations_session_id_check_in_code",
                table: "session_registrations",
                columns: new[] { "session_id", "check_in_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_session_registrations_session_id_organization_id",
                table: "session_registrations",
                columns: new[] { "session_id", "organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stripe_events_pending",
                table: "stripe_events",
                column: "not_before",
                filter: "applied_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_technology_needs_organization_id",
                table: "technology_needs",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_technology_needs_status_deadline",
                table: "technology_needs",
                columns: new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_technology_needs_status_published_at",
                table: "technology_needs",
                columns: new[] { "status", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_users_organization_id",
                table: "users",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            // The audit log is evidence: once written, a row is never changed or removed. (TRUNCATE, used only by
            // the test suite's reset, is a separate privilege that a production role need not hold.)
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
                """);

            // The writer's transaction id: indexers read the feed by transaction horizon, not by id (see SearchFeed).
            migrationBuilder.Sql("ALTER TABLE search_changes ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();");
            migrationBuilder.Sql("CREATE INDEX ix_search_changes_tx ON search_changes (tx);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log; DROP FUNCTION IF EXISTS audit_log_is_append_only();");
            migrationBuilder.DropTable(
                name: "attachment_blobs");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "bank_pledge_policies");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "deal_totals");

            migrationBuilder.DropTable(
                name: "idempotent_requests");

            migrationBuilder.DropTable(
                name: "inquiry_messages");

            migrationBuilder.DropTable(
                name: "inquiry_reads");

            migrationBuilder.DropTable(
                name: "instalments");

            migrationBuilder.DropTable(
                name: "match_requests");

            migrationBuilder.DropTable(
                name: "need_matches");

            migrationBuilder.DropTable(
                name: "offers");

            migrationBuilder.DropTable(
                name: "pledge_applications");

            migrationBuilder.DropTable(
                name: "pledge_totals");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "search_changes");

            migrationBuilder.DropTable(
                name: "session_events");

            migrationBuilder.DropTable(
                name: "session_interests");

            migrationBuilder.DropTable(
                name: "session_questions");

            migrationBuilder.DropTable(
                name: "session_registrations");

            migrationBuilder.DropTable(
                name: "stripe_events");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "deals");

            migrationBuilder.DropTable(
                name: "technology_needs");

            migrationBuilder.DropTable(
                name: "inquiries");

            migrationBuilder.DropTable(
                name: "session_pitches");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "listings");

            migrationBuilder.DropTable(
                name: "matchmaking_sessions");

            migrationBuilder.DropTable(
                name: "patents");

            migrationBuilder.DropTable(
                name: "organizations");
        }
    }
}
