using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "letters");

            migrationBuilder.CreateTable(
                name: "agenda_counters",
                schema: "letters",
                columns: table => new
                {
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agenda_counters", x => new { x.agency_id, x.year });
                });

            migrationBuilder.CreateTable(
                name: "classification_codes",
                schema: "letters",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    level = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classification_codes", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "letters",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agenda_year = table.Column<int>(type: "integer", nullable: false),
                    agenda_number = table.Column<int>(type: "integer", nullable: false),
                    origin = table.Column<int>(type: "integer", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sender = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    sender_agency_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sender_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sender_date = table.Column<DateOnly>(type: "date", nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    security_class = table.Column<int>(type: "integer", nullable: false),
                    urgency = table.Column<int>(type: "integer", nullable: false),
                    classification_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    registered_by_employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registered_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    addressee_position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    addressee_title = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple', coalesce(subject, '') || ' ' || coalesce(sender, '') || ' ' || coalesce(sender_number, ''))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_letters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dispositions",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    letter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    from_employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    from_position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_title = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    to_position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_title = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    to_employee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    instructions = table.Column<List<string>>(type: "text[]", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<int>(type: "integer", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    report = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    escalated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple', coalesce(note, '') || ' ' || coalesce(report, ''))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dispositions", x => x.id);
                    table.ForeignKey(
                        name: "fk_dispositions_dispositions_parent_id",
                        column: x => x.parent_id,
                        principalSchema: "letters",
                        principalTable: "dispositions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dispositions_letters_letter_id",
                        column: x => x.letter_id,
                        principalSchema: "letters",
                        principalTable: "letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "events",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    letter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    disposition_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_events_letters_letter_id",
                        column: x => x.letter_id,
                        principalSchema: "letters",
                        principalTable: "letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "files",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    letter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    disposition_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_files_letters_letter_id",
                        column: x => x.letter_id,
                        principalSchema: "letters",
                        principalTable: "letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recipients",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    letter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    read_by_employee_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recipients", x => x.id);
                    table.ForeignKey(
                        name: "fk_recipients_letters_letter_id",
                        column: x => x.letter_id,
                        principalSchema: "letters",
                        principalTable: "letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dispositions_letter_id",
                schema: "letters",
                table: "dispositions",
                column: "letter_id");

            migrationBuilder.CreateIndex(
                name: "ix_dispositions_parent_id",
                schema: "letters",
                table: "dispositions",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_dispositions_request_id_to_position_id",
                schema: "letters",
                table: "dispositions",
                columns: new[] { "request_id", "to_position_id" },
                unique: true,
                filter: "request_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dispositions_search_vector",
                schema: "letters",
                table: "dispositions",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_dispositions_status_deadline",
                schema: "letters",
                table: "dispositions",
                columns: new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_dispositions_to_position_id_status",
                schema: "letters",
                table: "dispositions",
                columns: new[] { "to_position_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_events_letter_id_at",
                schema: "letters",
                table: "events",
                columns: new[] { "letter_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_files_letter_id_kind",
                schema: "letters",
                table: "files",
                columns: new[] { "letter_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_letters_agency_id_agenda_year_agenda_number",
                schema: "letters",
                table: "letters",
                columns: new[] { "agency_id", "agenda_year", "agenda_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_letters_agency_id_received_at",
                schema: "letters",
                table: "letters",
                columns: new[] { "agency_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_letters_search_vector",
                schema: "letters",
                table: "letters",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_letters_source_id",
                schema: "letters",
                table: "letters",
                column: "source_id",
                unique: true,
                filter: "source_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_recipients_letter_id_position_id",
                schema: "letters",
                table: "recipients",
                columns: new[] { "letter_id", "position_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recipients_position_id_read_at",
                schema: "letters",
                table: "recipients",
                columns: new[] { "position_id", "read_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agenda_counters",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "classification_codes",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "dispositions",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "events",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "files",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "recipients",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "letters",
                schema: "letters");
        }
    }
}
