using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Tickets.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketSlaTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeSpan>(
                name: "resolution_business_time",
                schema: "tickets",
                table: "tickets",
                type: "interval",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolution_due_at",
                schema: "tickets",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolution_escalated_at",
                schema: "tickets",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "resolution_met",
                schema: "tickets",
                table: "tickets",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolution_warn_at",
                schema: "tickets",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolution_warned_at",
                schema: "tickets",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "response_due_at",
                schema: "tickets",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "response_escalated_at",
                schema: "tickets",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "response_met",
                schema: "tickets",
                table: "tickets",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "response_warn_at",
                schema: "tickets",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "response_warned_at",
                schema: "tickets",
                table: "tickets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sla_priority",
                schema: "tickets",
                table: "tickets",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_tickets_report_created",
                schema: "tickets",
                table: "tickets",
                column: "created_at")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "category", "agency_id", "site_id", "response_met", "resolution_met", "resolved_at", "resolution_business_time" });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_report_resolved",
                schema: "tickets",
                table: "tickets",
                column: "resolved_at",
                filter: "resolved_at IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "status", "created_at", "category", "agency_id", "resolution_met", "resolution_business_time" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tickets_report_created",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_report_resolved",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_business_time",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_due_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_escalated_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_met",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_warn_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "resolution_warned_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "response_due_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "response_escalated_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "response_met",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "response_warn_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "response_warned_at",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "sla_priority",
                schema: "tickets",
                table: "tickets");
        }
    }
}
