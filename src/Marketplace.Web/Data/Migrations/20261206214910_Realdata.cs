using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Realdata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "awakened_on",
                table: "patents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "gaps",
                table: "patents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "locarno_class",
                table: "patents",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "recorded_events",
                table: "patents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "sleeps_until",
                table: "patents",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_patents_sleeps_until",
                table: "patents",
                column: "sleeps_until");

            // Backfill of the stored sleeping rule (SleepingPatentRule.SleepsUntil) for patents written before this
            // migration: nothing was recorded as put to use yet, so a granted, valid patent managed by a university
            // sleeps until its term ends. MarketplaceDb refreshes the column on every later write.
            migrationBuilder.Sql("""
                UPDATE patents p SET sleeps_until = p.term_end
                FROM organizations o
                WHERE o.id = p.owner_organization_id AND o.type = 'University'
                  AND p.legal_status = 'Valid' AND p.grant_date IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_patents_sleeps_until",
                table: "patents");

            migrationBuilder.DropColumn(
                name: "awakened_on",
                table: "patents");

            migrationBuilder.DropColumn(
                name: "gaps",
                table: "patents");

            migrationBuilder.DropColumn(
                name: "locarno_class",
                table: "patents");

            migrationBuilder.DropColumn(
                name: "recorded_events",
                table: "patents");

            migrationBuilder.DropColumn(
                name: "sleeps_until",
                table: "patents");
        }
    }
}
