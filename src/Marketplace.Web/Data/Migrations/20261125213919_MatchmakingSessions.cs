using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MatchmakingSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "ix_matchmaking_sessions_status_starts_at",
                table: "matchmaking_sessions",
                columns: new[] { "status", "starts_at" });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "session_events");

            migrationBuilder.DropTable(
                name: "session_interests");

            migrationBuilder.DropTable(
                name: "session_questions");

            migrationBuilder.DropTable(
                name: "session_registrations");

            migrationBuilder.DropTable(
                name: "session_pitches");

            migrationBuilder.DropTable(
                name: "matchmaking_sessions");
        }
    }
}
