using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Tickets.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketReportRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ticket_monthly_stats",
                schema: "tickets",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    site_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reported = table.Column<int>(type: "integer", nullable: false),
                    response_met = table.Column<int>(type: "integer", nullable: false),
                    response_counted = table.Column<int>(type: "integer", nullable: false),
                    resolved = table.Column<int>(type: "integer", nullable: false),
                    resolution_met = table.Column<int>(type: "integer", nullable: false),
                    resolution_counted = table.Column<int>(type: "integer", nullable: false),
                    business_time_count = table.Column<int>(type: "integer", nullable: false),
                    business_time_microseconds = table.Column<long>(type: "bigint", nullable: false),
                    wall_time_microseconds = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_monthly_stats", x => new { x.month, x.agency_id, x.site_id, x.category });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticket_monthly_stats",
                schema: "tickets");
        }
    }
}
