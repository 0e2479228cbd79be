using System;
using Marketplace.Web.Features.Watch;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Watch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Quartz's job store (the daily watch's clustered scheduler): Quartz's own PostgreSQL script, read from the
            // Quartz assembly and run statement by statement (see Features/Watch/QuartzSchema.cs).
            foreach (var statement in QuartzSchema.Statements(WatchFeature.TablePrefix)) migrationBuilder.Sql(statement);

            migrationBuilder.AddColumn<int>(
                name: "term_compensation_days",
                table: "patents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "legal_status_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    reading = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    upload_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_legal_status_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "patent_watches",
                columns: table => new
                {
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fee_year = table.Column<int>(type: "integer", nullable: true),
                    reminders = table.Column<int>(type: "integer", nullable: false),
                    term_ending_told_for = table.Column<DateOnly>(type: "date", nullable: true),
                    last_event_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patent_watches", x => x.patent_id);
                });

            migrationBuilder.CreateTable(
                name: "watch_alerts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    fee_year = table.Column<int>(type: "integer", nullable: true),
                    amount = table.Column<decimal>(type: "numeric(18,2)", nullable: true),
                    days_before = table.Column<int>(type: "integer", nullable: true),
                    detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watch_alerts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "watch_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheduled_for = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    patents = table.Column<int>(type: "integer", nullable: false),
                    alerts = table.Column<int>(type: "integer", nullable: false),
                    lapses = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watch_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "watchlist_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pledge_application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    since = table.Column<DateOnly>(type: "date", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watchlist_entries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_legal_status_events_patent_id_on",
                table: "legal_status_events",
                columns: new[] { "patent_id", "on" });

            migrationBuilder.CreateIndex(
                name: "ix_legal_status_events_upload_id",
                table: "legal_status_events",
                column: "upload_id");

            migrationBuilder.CreateIndex(
                name: "ix_watch_alerts_patent_id_raised_at",
                table: "watch_alerts",
                columns: new[] { "patent_id", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_watch_alerts_raised_at",
                table: "watch_alerts",
                column: "raised_at");

            migrationBuilder.CreateIndex(
                name: "ix_watch_runs_started_at",
                table: "watch_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_watchlist_entries_bank_organization_id_resolved_on",
                table: "watchlist_entries",
                columns: new[] { "bank_organization_id", "resolved_on" });

            migrationBuilder.CreateIndex(
                name: "ix_watchlist_entries_patent_id_resolved_on",
                table: "watchlist_entries",
                columns: new[] { "patent_id", "resolved_on" });

            migrationBuilder.CreateIndex(
                name: "ix_watchlist_entries_pledge_application_id",
                table: "watchlist_entries",
                column: "pledge_application_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzSchema.Tables(WatchFeature.TablePrefix).Reverse()) migrationBuilder.Sql($"DROP TABLE IF EXISTS {table} CASCADE");

            migrationBuilder.DropTable(
                name: "legal_status_events");

            migrationBuilder.DropTable(
                name: "patent_watches");

            migrationBuilder.DropTable(
                name: "watch_alerts");

            migrationBuilder.DropTable(
                name: "watch_runs");

            migrationBuilder.DropTable(
                name: "watchlist_entries");

            migrationBuilder.DropColumn(
                name: "term_compensation_days",
                table: "patents");
        }
    }
}
