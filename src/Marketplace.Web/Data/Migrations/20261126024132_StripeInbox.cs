using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StripeInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "applied_at",
                table: "stripe_events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "stripe_events",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "last_error",
                table: "stripe_events",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "not_before",
                table: "stripe_events",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "payment_intent_id",
                table: "stripe_events",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            // Events stored before the inbox were applied in the webhook's own request.
            migrationBuilder.Sql("UPDATE stripe_events SET applied_at = received_at, not_before = received_at");

            migrationBuilder.CreateIndex(
                name: "ix_stripe_events_pending",
                table: "stripe_events",
                column: "not_before",
                filter: "applied_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_stripe_events_pending",
                table: "stripe_events");

            migrationBuilder.DropColumn(
                name: "applied_at",
                table: "stripe_events");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "stripe_events");

            migrationBuilder.DropColumn(
                name: "last_error",
                table: "stripe_events");

            migrationBuilder.DropColumn(
                name: "not_before",
                table: "stripe_events");

            migrationBuilder.DropColumn(
                name: "payment_intent_id",
                table: "stripe_events");
        }
    }
}
