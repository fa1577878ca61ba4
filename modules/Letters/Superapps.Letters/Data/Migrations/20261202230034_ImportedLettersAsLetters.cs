using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportedLettersAsLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "letter_id",
                schema: "letters",
                table: "imported_letters",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid[]>(
                name: "positions",
                schema: "letters",
                table: "imported_letters",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.AddColumn<Guid>(
                name: "scan_file_id",
                schema: "letters",
                table: "imported_letters",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "imported",
                schema: "letters",
                table: "archive_entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Data (raw SQL, written by hand): the rows of the release before become what an import makes now (ADR 0016). Incoming
            // rows become closed letters of their OPD's agenda (origin Legacy = 2), numbered after the year's last number, with a
            // history line and an archive entry; outgoing rows become imported archive entries. Their scans were never copied, and
            // their dispositions' positions cannot be resolved here (the people are in the organization schema): those letters are
            // read by their OPD's agenda keepers only (restricted ones masked) until they are imported again.
            migrationBuilder.Sql("""
                UPDATE letters.imported_letters SET letter_id = gen_random_uuid() WHERE kind = 'Incoming' AND letter_id IS NULL;

                INSERT INTO letters.letters (id, agency_id, agenda_year, agenda_number, origin, source_id, sender, sender_agency_id, sender_number,
                    sender_date, subject, security_class, urgency, classification_code, received_at, registered_by_employee_id, registered_by_name,
                    addressee_position_id, addressee_title, status, closed_at)
                SELECT i.letter_id, i.agency_id, extract(year FROM coalesce(i.received_on, i.date))::int,
                    coalesce(c.last_number, 0) + row_number() OVER (PARTITION BY i.agency_id, extract(year FROM coalesce(i.received_on, i.date))
                        ORDER BY coalesce(i.received_on, i.date), i.legacy_id),
                    2, NULL, left(i.correspondent, 250), NULL, left(i.number, 100), i.date, left(i.subject, 500),
                    CASE i.security_class WHEN 'Terbatas' THEN 1 WHEN 'Rahasia' THEN 2 WHEN 'SangatRahasia' THEN 3 ELSE 0 END,
                    CASE i.urgency WHEN 'Segera' THEN 1 WHEN 'SangatSegera' THEN 2 ELSE 0 END,
                    left(i.classification_code, 30), coalesce(i.received_on, i.date)::timestamp AT TIME ZONE 'Asia/Jakarta',
                    '00000000-0000-0000-0000-000000000000', 'Impor ' || upper(i.source), '00000000-0000-0000-0000-000000000000', '-', 1,
                    coalesce(i.received_on, i.date)::timestamp AT TIME ZONE 'Asia/Jakarta'
                FROM letters.imported_letters i
                LEFT JOIN letters.agenda_counters c ON c.agency_id = i.agency_id AND c.year = extract(year FROM coalesce(i.received_on, i.date))::int
                WHERE i.kind = 'Incoming' AND NOT EXISTS (SELECT 1 FROM letters.letters l WHERE l.id = i.letter_id);

                INSERT INTO letters.agenda_counters (agency_id, year, last_number)
                SELECT l.agency_id, l.agenda_year, max(l.agenda_number) FROM letters.letters l WHERE l.origin = 2 GROUP BY l.agency_id, l.agenda_year
                ON CONFLICT (agency_id, year) DO UPDATE SET last_number = greatest(agenda_counters.last_number, excluded.last_number);

                INSERT INTO letters.events (id, letter_id, disposition_id, action, employee_id, actor_name, summary, at)
                SELECT gen_random_uuid(), l.id, NULL, 'imported', NULL, l.registered_by_name,
                    'Diimpor dari ' || upper(i.source) || ' (' || i.legacy_id || ') dengan nomor agenda ' || lpad(l.agenda_number::text, 4, '0') || '/' || l.agenda_year
                        || coalesce('; nomor agenda lama ' || i.agenda_number, '') || '; pindaiannya belum disalin (impor rilis sebelumnya)',
                    i.imported_at
                FROM letters.imported_letters i JOIN letters.letters l ON l.id = i.letter_id
                WHERE NOT EXISTS (SELECT 1 FROM letters.events e WHERE e.letter_id = l.id AND e.action = 'imported');

                INSERT INTO letters.archive_entries (id, kind, source_id, agency_id, number, reference_number, letter_date, closed_at, subject,
                    correspondent, classification_code, security_class, file_id, body_text, visible_positions, disposal_status, imported)
                SELECT gen_random_uuid(), 0, l.id, l.agency_id, lpad(l.agenda_number::text, 4, '0') || '/' || l.agenda_year, l.sender_number,
                    l.sender_date, l.closed_at, l.subject, l.sender, l.classification_code, l.security_class, NULL, NULL, '{}', 0, false
                FROM letters.letters l WHERE l.origin = 2
                ON CONFLICT (kind, source_id) DO NOTHING;

                INSERT INTO letters.archive_entries (id, kind, source_id, agency_id, number, reference_number, letter_date, closed_at, subject,
                    correspondent, classification_code, security_class, file_id, body_text, visible_positions, disposal_status, imported)
                SELECT gen_random_uuid(), 1, i.id, i.agency_id, left(i.number, 150), NULL, i.date,
                    coalesce(i.received_on, i.date)::timestamp AT TIME ZONE 'Asia/Jakarta', i.subject, i.correspondent, i.classification_code,
                    CASE i.security_class WHEN 'Terbatas' THEN 1 WHEN 'Rahasia' THEN 2 WHEN 'SangatRahasia' THEN 3 ELSE 0 END,
                    NULL, NULL, '{}', 0, true
                FROM letters.imported_letters i WHERE i.kind = 'Outgoing'
                ON CONFLICT (kind, source_id) DO NOTHING;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_imported_letters_letter_id",
                schema: "letters",
                table: "imported_letters",
                column: "letter_id",
                unique: true,
                filter: "letter_id IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_imported_letters_letters_letter_id",
                schema: "letters",
                table: "imported_letters",
                column: "letter_id",
                principalSchema: "letters",
                principalTable: "letters",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_imported_letters_letters_letter_id",
                schema: "letters",
                table: "imported_letters");

            migrationBuilder.DropIndex(
                name: "ix_imported_letters_letter_id",
                schema: "letters",
                table: "imported_letters");

            migrationBuilder.DropColumn(
                name: "letter_id",
                schema: "letters",
                table: "imported_letters");

            migrationBuilder.DropColumn(
                name: "positions",
                schema: "letters",
                table: "imported_letters");

            migrationBuilder.DropColumn(
                name: "scan_file_id",
                schema: "letters",
                table: "imported_letters");

            migrationBuilder.DropColumn(
                name: "imported",
                schema: "letters",
                table: "archive_entries");
        }
    }
}
