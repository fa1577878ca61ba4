using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboxPerformance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_recipients_position_id_read_at",
                schema: "letters",
                table: "recipients");

            migrationBuilder.DropIndex(
                name: "ix_dispositions_letter_id",
                schema: "letters",
                table: "dispositions");

            migrationBuilder.DropIndex(
                name: "ix_dispositions_to_position_id_status",
                schema: "letters",
                table: "dispositions");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_recipients_position_id_kind_read_at",
                schema: "letters",
                table: "recipients",
                columns: new[] { "position_id", "kind", "read_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "letter_id" });

            migrationBuilder.CreateIndex(
                name: "ix_letters_inbox_filters",
                schema: "letters",
                table: "letters",
                column: "id")
                .Annotation("Npgsql:IndexInclude", new[] { "received_at", "status", "urgency", "security_class", "sender_date" });

            migrationBuilder.CreateIndex(
                name: "ix_letters_received_at",
                schema: "letters",
                table: "letters",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_letters_sender_number",
                schema: "letters",
                table: "letters",
                column: "sender_number")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_letters_status_received_at",
                schema: "letters",
                table: "letters",
                columns: new[] { "status", "received_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "id" });

            migrationBuilder.CreateIndex(
                name: "ix_dispositions_letter_id",
                schema: "letters",
                table: "dispositions",
                column: "letter_id")
                .Annotation("Npgsql:IndexInclude", new[] { "from_position_id", "to_position_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_dispositions_to_position_id_status",
                schema: "letters",
                table: "dispositions",
                columns: new[] { "to_position_id", "status" })
                .Annotation("Npgsql:IndexInclude", new[] { "letter_id", "deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_recipients_position_id_kind_read_at",
                schema: "letters",
                table: "recipients");

            migrationBuilder.DropIndex(
                name: "ix_letters_inbox_filters",
                schema: "letters",
                table: "letters");

            migrationBuilder.DropIndex(
                name: "ix_letters_received_at",
                schema: "letters",
                table: "letters");

            migrationBuilder.DropIndex(
                name: "ix_letters_sender_number",
                schema: "letters",
                table: "letters");

            migrationBuilder.DropIndex(
                name: "ix_letters_status_received_at",
                schema: "letters",
                table: "letters");

            migrationBuilder.DropIndex(
                name: "ix_dispositions_letter_id",
                schema: "letters",
                table: "dispositions");

            migrationBuilder.DropIndex(
                name: "ix_dispositions_to_position_id_status",
                schema: "letters",
                table: "dispositions");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "ix_recipients_position_id_read_at",
                schema: "letters",
                table: "recipients",
                columns: new[] { "position_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dispositions_letter_id",
                schema: "letters",
                table: "dispositions",
                column: "letter_id");

            migrationBuilder.CreateIndex(
                name: "ix_dispositions_to_position_id_status",
                schema: "letters",
                table: "dispositions",
                columns: new[] { "to_position_id", "status" });
        }
    }
}
