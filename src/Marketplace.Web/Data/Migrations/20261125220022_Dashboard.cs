using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Dashboard : Migration
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

            migrationBuilder.AddColumn<int>(
                name: "month",
                table: "pledge_totals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "bank_organization_id",
                table: "pledge_totals",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "month",
                table: "deal_totals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "owner",
                table: "deal_totals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "industry",
                table: "deal_totals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "pk_pledge_totals",
                table: "pledge_totals",
                columns: new[] { "year", "month", "bank_organization_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_deal_totals",
                table: "deal_totals",
                columns: new[] { "year", "month", "category", "owner", "industry" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_pledge_totals",
                table: "pledge_totals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_deal_totals",
                table: "deal_totals");

            migrationBuilder.DropColumn(
                name: "month",
                table: "pledge_totals");

            migrationBuilder.DropColumn(
                name: "bank_organization_id",
                table: "pledge_totals");

            migrationBuilder.DropColumn(
                name: "month",
                table: "deal_totals");

            migrationBuilder.DropColumn(
                name: "owner",
                table: "deal_totals");

            migrationBuilder.DropColumn(
                name: "industry",
                table: "deal_totals");

            migrationBuilder.AddPrimaryKey(
                name: "pk_pledge_totals",
                table: "pledge_totals",
                column: "year");

            migrationBuilder.AddPrimaryKey(
                name: "pk_deal_totals",
                table: "deal_totals",
                columns: new[] { "year", "category" });
        }
    }
}
