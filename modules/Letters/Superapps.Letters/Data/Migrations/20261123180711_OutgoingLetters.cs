using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutgoingLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "numbering_formats",
                schema: "letters",
                columns: table => new
                {
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    contact = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_numbering_formats", x => x.agency_id);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_letters",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    classification_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    security_class = table.Column<int>(type: "integer", nullable: false),
                    urgency = table.Column<int>(type: "integer", nullable: false),
                    attachments = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    body_text = table.Column<string>(type: "text", nullable: false),
                    addressees = table.Column<string>(type: "jsonb", nullable: false),
                    carbon_copies = table.Column<string>(type: "jsonb", nullable: false),
                    reviewers = table.Column<string>(type: "jsonb", nullable: false),
                    signer_position_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signer_title = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    drafter_employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    drafter_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    drafter_position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    drafter_title = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    review_index = table.Column<int>(type: "integer", nullable: false),
                    current_position_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    number = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    number_year = table.Column<int>(type: "integer", nullable: true),
                    number_sequence = table.Column<int>(type: "integer", nullable: true),
                    letter_date = table.Column<DateOnly>(type: "date", nullable: true),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    signed_by_employee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    signed_by_title = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    verification_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    signed_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    send_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_letters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_number_counters",
                schema: "letters",
                columns: table => new
                {
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_sequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_number_counters", x => new { x.agency_id, x.year });
                });

            migrationBuilder.CreateTable(
                name: "letter_numbers",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    outgoing_letter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reserved_by_employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reserved_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reserved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_letter_numbers", x => x.id);
                    table.ForeignKey(
                        name: "fk_letter_numbers_outgoing_letters_outgoing_letter_id",
                        column: x => x.outgoing_letter_id,
                        principalSchema: "letters",
                        principalTable: "outgoing_letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_letter_files",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    outgoing_letter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_letter_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_outgoing_letter_files_outgoing_letters_outgoing_letter_id",
                        column: x => x.outgoing_letter_id,
                        principalSchema: "letters",
                        principalTable: "outgoing_letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_letter_steps",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    outgoing_letter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<int>(type: "integer", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    holding = table.Column<int>(type: "integer", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_letter_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_outgoing_letter_steps_outgoing_letters_outgoing_letter_id",
                        column: x => x.outgoing_letter_id,
                        principalSchema: "letters",
                        principalTable: "outgoing_letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_letter_versions",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    outgoing_letter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    classification_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    security_class = table.Column<int>(type: "integer", nullable: false),
                    urgency = table.Column<int>(type: "integer", nullable: false),
                    attachments = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    body_text = table.Column<string>(type: "text", nullable: false),
                    addressees = table.Column<string>(type: "jsonb", nullable: false),
                    carbon_copies = table.Column<string>(type: "jsonb", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_letter_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_outgoing_letter_versions_outgoing_letters_outgoing_letter_id",
                        column: x => x.outgoing_letter_id,
                        principalSchema: "letters",
                        principalTable: "outgoing_letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_letter_numbers_agency_id_year_sequence",
                schema: "letters",
                table: "letter_numbers",
                columns: new[] { "agency_id", "year", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_letter_numbers_outgoing_letter_id_status",
                schema: "letters",
                table: "letter_numbers",
                columns: new[] { "outgoing_letter_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_letter_files_outgoing_letter_id_kind",
                schema: "letters",
                table: "outgoing_letter_files",
                columns: new[] { "outgoing_letter_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_letter_steps_outgoing_letter_id_at",
                schema: "letters",
                table: "outgoing_letter_steps",
                columns: new[] { "outgoing_letter_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_letter_versions_outgoing_letter_id_number",
                schema: "letters",
                table: "outgoing_letter_versions",
                columns: new[] { "outgoing_letter_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_letters_current_position_id_state",
                schema: "letters",
                table: "outgoing_letters",
                columns: new[] { "current_position_id", "state" },
                filter: "current_position_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_letters_drafter_employee_id_state_updated_at",
                schema: "letters",
                table: "outgoing_letters",
                columns: new[] { "drafter_employee_id", "state", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_letters_drafter_position_id_state",
                schema: "letters",
                table: "outgoing_letters",
                columns: new[] { "drafter_position_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_letters_signer_position_id_state",
                schema: "letters",
                table: "outgoing_letters",
                columns: new[] { "signer_position_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_letters_verification_code",
                schema: "letters",
                table: "outgoing_letters",
                column: "verification_code",
                unique: true,
                filter: "verification_code IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "letter_numbers",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "numbering_formats",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "outgoing_letter_files",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "outgoing_letter_steps",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "outgoing_letter_versions",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "outgoing_number_counters",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "outgoing_letters",
                schema: "letters");
        }
    }
}
