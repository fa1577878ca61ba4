using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Tickets.Data.Migrations
{
    /// <inheritdoc />
    public partial class SiteMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "monitored_at",
                schema: "tickets",
                table: "sites",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "monitored_last_seen",
                schema: "tickets",
                table: "sites",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "monitored_latency_ms",
                schema: "tickets",
                table: "sites",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "monitored_packet_loss_percent",
                schema: "tickets",
                table: "sites",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "monitored_status",
                schema: "tickets",
                table: "sites",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "monitored_at",
                schema: "tickets",
                table: "sites");

            migrationBuilder.DropColumn(
                name: "monitored_last_seen",
                schema: "tickets",
                table: "sites");

            migrationBuilder.DropColumn(
                name: "monitored_latency_ms",
                schema: "tickets",
                table: "sites");

            migrationBuilder.DropColumn(
                name: "monitored_packet_loss_percent",
                schema: "tickets",
                table: "sites");

            migrationBuilder.DropColumn(
                name: "monitored_status",
                schema: "tickets",
                table: "sites");
        }
    }
}
