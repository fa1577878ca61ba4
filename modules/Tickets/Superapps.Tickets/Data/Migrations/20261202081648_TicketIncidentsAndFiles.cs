using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Tickets.Data.Migrations
{
    /// <inheritdoc />
    public partial class TicketIncidentsAndFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "incident_id",
                schema: "tickets",
                table: "tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "incidents",
                schema: "tickets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    network_node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    network_node_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    network_node_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    area = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_by_user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_by_user_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    resolved_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolution_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                    table.ForeignKey(
                        name: "fk_incidents_network_nodes_network_node_id",
                        column: x => x.network_node_id,
                        principalSchema: "tickets",
                        principalTable: "network_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ticket_attachment_contents",
                schema: "tickets",
                columns: table => new
                {
                    attachment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_attachment_contents", x => x.attachment_id);
                    table.ForeignKey(
                        name: "fk_ticket_attachment_contents_ticket_attachments_attachment_id",
                        column: x => x.attachment_id,
                        principalSchema: "tickets",
                        principalTable: "ticket_attachments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tickets_incident_id",
                schema: "tickets",
                table: "tickets",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_network_node_id",
                schema: "tickets",
                table: "incidents",
                column: "network_node_id");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_number",
                schema: "tickets",
                table: "incidents",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_incidents_status_created_at",
                schema: "tickets",
                table: "incidents",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_year_sequence",
                schema: "tickets",
                table: "incidents",
                columns: new[] { "year", "sequence" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_tickets_incidents_incident_id",
                schema: "tickets",
                table: "tickets",
                column: "incident_id",
                principalSchema: "tickets",
                principalTable: "incidents",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_tickets_incidents_incident_id",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropTable(
                name: "incidents",
                schema: "tickets");

            migrationBuilder.DropTable(
                name: "ticket_attachment_contents",
                schema: "tickets");

            migrationBuilder.DropIndex(
                name: "ix_tickets_incident_id",
                schema: "tickets",
                table: "tickets");

            migrationBuilder.DropColumn(
                name: "incident_id",
                schema: "tickets",
                table: "tickets");
        }
    }
}
