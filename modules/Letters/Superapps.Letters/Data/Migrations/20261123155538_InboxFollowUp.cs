using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboxFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "addressed",
                schema: "letters",
                table: "inbox_entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "followed_up",
                schema: "letters",
                table: "inbox_entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Backfill from the existing rows, by InboxProjection's rule: addressed = a To receipt of the position; followed
            // up = a live (status <> 4, not cancelled) disposition given from the position.
            migrationBuilder.Sql("""
                UPDATE letters.inbox_entries e SET addressed = true
                FROM letters.recipients r
                WHERE r.letter_id = e.letter_id AND r.position_id = e.position_id AND r.kind = 0;

                UPDATE letters.inbox_entries e SET followed_up = true
                FROM (SELECT DISTINCT d.letter_id, d.from_position_id FROM letters.dispositions d WHERE d.status <> 4) d
                WHERE d.letter_id = e.letter_id AND d.from_position_id = e.position_id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_inbox_entries_awaiting_follow_up",
                schema: "letters",
                table: "inbox_entries",
                column: "position_id",
                filter: "status = 0 AND addressed AND NOT followed_up");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inbox_entries_awaiting_follow_up",
                schema: "letters",
                table: "inbox_entries");

            migrationBuilder.DropColumn(
                name: "addressed",
                schema: "letters",
                table: "inbox_entries");

            migrationBuilder.DropColumn(
                name: "followed_up",
                schema: "letters",
                table: "inbox_entries");
        }
    }
}
