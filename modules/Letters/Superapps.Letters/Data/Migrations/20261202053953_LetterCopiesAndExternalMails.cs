using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class LetterCopiesAndExternalMails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "copy",
                schema: "letters",
                table: "inbox_entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Backfill (raw SQL): an entry is a copy when its position is named on the letter only as a carbon copy (recipients.kind 1),
            // neither addressed nor on the live (status <> 4) disposition chain: InboxProjection's rule. Driven by the copy
            // recipients (few: nothing created them before this migration), not by a scan of every entry; adding the column with
            // a constant default rewrites no rows.
            migrationBuilder.Sql("""
                UPDATE letters.inbox_entries e SET copy = true
                FROM letters.recipients c
                WHERE c.kind = 1 AND e.letter_id = c.letter_id AND e.position_id = c.position_id
                  AND NOT EXISTS (SELECT 1 FROM letters.recipients r WHERE r.letter_id = e.letter_id AND r.position_id = e.position_id AND r.kind <> 1)
                  AND NOT EXISTS (SELECT 1 FROM letters.dispositions d WHERE d.letter_id = e.letter_id AND d.status <> 4
                                  AND (d.to_position_id = e.position_id OR d.from_position_id = e.position_id))
                """);

            migrationBuilder.CreateTable(
                name: "external_mails",
                schema: "letters",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    outgoing_letter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    to_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_external_mails", x => x.key);
                    table.ForeignKey(
                        name: "fk_external_mails_outgoing_letters_outgoing_letter_id",
                        column: x => x.outgoing_letter_id,
                        principalSchema: "letters",
                        principalTable: "outgoing_letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_external_mails_outgoing_letter_id",
                schema: "letters",
                table: "external_mails",
                column: "outgoing_letter_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "external_mails",
                schema: "letters");

            migrationBuilder.DropColumn(
                name: "copy",
                schema: "letters",
                table: "inbox_entries");
        }
    }
}
