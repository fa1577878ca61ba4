using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboxProjection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbox_entries",
                schema: "letters",
                columns: table => new
                {
                    position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    letter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    urgency = table.Column<int>(type: "integer", nullable: false),
                    security_class = table.Column<int>(type: "integer", nullable: false),
                    sender_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_entries", x => new { x.position_id, x.letter_id });
                    table.ForeignKey(
                        name: "fk_inbox_entries_letters_letter_id",
                        column: x => x.letter_id,
                        principalSchema: "letters",
                        principalTable: "letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Backfill from the existing rows, before the secondary indexes are built (faster for a large archive). The rule
            // is InboxProjection's: addressed or copied to the position, or a live (status <> 4, not cancelled) disposition
            // to it or from it.
            migrationBuilder.Sql("""
                INSERT INTO letters.inbox_entries (position_id, letter_id, received_at, status, urgency, security_class, sender_date)
                SELECT m.position_id, l.id, l.received_at, l.status, l.urgency, l.security_class, l.sender_date
                FROM (
                    SELECT r.letter_id, r.position_id FROM letters.recipients r
                    UNION
                    SELECT d.letter_id, d.to_position_id FROM letters.dispositions d WHERE d.status <> 4
                    UNION
                    SELECT d.letter_id, d.from_position_id FROM letters.dispositions d WHERE d.status <> 4) m
                JOIN letters.letters l ON l.id = m.letter_id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_inbox_entries_letter_id",
                schema: "letters",
                table: "inbox_entries",
                column: "letter_id");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_entries_position_id_received_at",
                schema: "letters",
                table: "inbox_entries",
                columns: new[] { "position_id", "received_at" },
                descending: new[] { false, true })
                .Annotation("Npgsql:IndexInclude", new[] { "letter_id", "status", "urgency", "security_class", "sender_date" });

            migrationBuilder.CreateIndex(
                name: "ix_inbox_entries_position_id_status_urgency_received_at",
                schema: "letters",
                table: "inbox_entries",
                columns: new[] { "position_id", "status", "urgency", "received_at" },
                descending: new[] { false, false, false, true })
                .Annotation("Npgsql:IndexInclude", new[] { "letter_id", "security_class", "sender_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_entries",
                schema: "letters");
        }
    }
}
