using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "archive_entries",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    reference_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    letter_date = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    subject = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    correspondent = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    classification_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    security_class = table.Column<int>(type: "integer", nullable: false),
                    file_id = table.Column<Guid>(type: "uuid", nullable: true),
                    body_text = table.Column<string>(type: "text", nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "to_tsvector('simple', coalesce(number, '') || ' ' || coalesce(reference_number, '') || ' ' || coalesce(subject, '') || ' ' || coalesce(correspondent, '') || ' ' || coalesce(classification_code, '') || ' ' || coalesce(body_text, ''))", stored: true),
                    visible_positions = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    active_until = table.Column<DateOnly>(type: "date", nullable: true),
                    inactive_until = table.Column<DateOnly>(type: "date", nullable: true),
                    fate = table.Column<int>(type: "integer", nullable: true),
                    disposal_status = table.Column<int>(type: "integer", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archive_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_decisions",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    entry_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    berita_acara_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_by_employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decided_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_decisions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "retention_schedules",
                schema: "letters",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    active_years = table.Column<int>(type: "integer", nullable: false),
                    inactive_years = table.Column<int>(type: "integer", nullable: false),
                    fate = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_retention_schedules", x => x.code);
                });

            // --- ArchiveRetention raw SQL (copy as is into a re-created migration, after the CREATE TABLEs, before the indexes) ---
            // Backfill: every closed incoming letter gets its archive entry (ArchiveIndex.IncomingSql without the conflict clause:
            // the table is empty). The positions that see it are the inbox's rule: recipients and the live (status <> 4) chain.
            // Retention dates stay empty here: RetentionScheduleSeeder fills them at the next start, after seeding the schedule.
            migrationBuilder.Sql("""
                INSERT INTO letters.archive_entries (id, kind, source_id, agency_id, number, reference_number, letter_date, closed_at, subject,
                    correspondent, classification_code, security_class, file_id, body_text, visible_positions, disposal_status)
                SELECT gen_random_uuid(), 0, l.id, l.agency_id, lpad(l.agenda_number::text, 4, '0') || '/' || l.agenda_year, l.sender_number, l.sender_date,
                    l.closed_at, l.subject, l.sender, l.classification_code, l.security_class,
                    (SELECT f.id FROM letters.files f WHERE f.letter_id = l.id AND f.kind = 0 ORDER BY f.uploaded_at LIMIT 1),
                    NULL,
                    ARRAY(SELECT r.position_id FROM letters.recipients r WHERE r.letter_id = l.id
                          UNION SELECT d.to_position_id FROM letters.dispositions d WHERE d.letter_id = l.id AND d.status <> 4
                          UNION SELECT d.from_position_id FROM letters.dispositions d WHERE d.letter_id = l.id AND d.status <> 4),
                    0
                FROM letters.letters l
                WHERE l.status = 1 AND l.closed_at IS NOT NULL;
                """);
            // --- end of ArchiveRetention raw SQL ---

            migrationBuilder.CreateIndex(
                name: "ix_archive_entries_active_due",
                schema: "letters",
                table: "archive_entries",
                columns: new[] { "agency_id", "active_until" },
                filter: "disposal_status = 0");

            migrationBuilder.CreateIndex(
                name: "ix_archive_entries_agency_id_closed_at",
                schema: "letters",
                table: "archive_entries",
                columns: new[] { "agency_id", "closed_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_archive_entries_classification_code",
                schema: "letters",
                table: "archive_entries",
                column: "classification_code")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_archive_entries_closed_at",
                schema: "letters",
                table: "archive_entries",
                column: "closed_at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_archive_entries_correspondent",
                schema: "letters",
                table: "archive_entries",
                column: "correspondent")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_archive_entries_inactive_due",
                schema: "letters",
                table: "archive_entries",
                columns: new[] { "agency_id", "inactive_until" },
                filter: "disposal_status IN (0, 1)");

            migrationBuilder.CreateIndex(
                name: "ix_archive_entries_kind_source_id",
                schema: "letters",
                table: "archive_entries",
                columns: new[] { "kind", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_archive_entries_letter_date",
                schema: "letters",
                table: "archive_entries",
                column: "letter_date");

            migrationBuilder.CreateIndex(
                name: "ix_archive_entries_search_vector",
                schema: "letters",
                table: "archive_entries",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_archive_entries_unscheduled",
                schema: "letters",
                table: "archive_entries",
                column: "classification_code",
                filter: "active_until IS NULL AND disposal_status = 0");

            migrationBuilder.CreateIndex(
                name: "ix_archive_entries_visible_positions",
                schema: "letters",
                table: "archive_entries",
                column: "visible_positions")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_retention_decisions_agency_id_recorded_at",
                schema: "letters",
                table: "retention_decisions",
                columns: new[] { "agency_id", "recorded_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_retention_decisions_entry_ids",
                schema: "letters",
                table: "retention_decisions",
                column: "entry_ids")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "archive_entries",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "retention_decisions",
                schema: "letters");

            migrationBuilder.DropTable(
                name: "retention_schedules",
                schema: "letters");
        }
    }
}
