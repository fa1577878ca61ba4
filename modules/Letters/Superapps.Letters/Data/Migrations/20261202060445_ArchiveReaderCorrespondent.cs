using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveReaderCorrespondent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_archive_readers_reader_id_closed_at",
                schema: "letters",
                table: "archive_readers");

            migrationBuilder.AddColumn<string>(
                name: "correspondent",
                schema: "letters",
                table: "archive_readers",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            // --- ArchiveReaderCorrespondent raw SQL (copy as is into a re-created migration, after the column, before the index) ---
            // The readers copy the first 500 characters of the correspondent (ArchiveReader.CorrespondentLength), so that the
            // correspondent filter is checked in the viewer's index range instead of on each entry.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION letters.archive_readers_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO letters.archive_readers (reader_id, entry_id, agency_id, closed_at, letter_date, kind, security_class, classification_code, correspondent)
                    SELECT r.id, n.id, n.agency_id, n.closed_at, n.letter_date, n.kind, n.security_class, n.classification_code, left(n.correspondent, 500)
                    FROM new_entries n
                    CROSS JOIN LATERAL (SELECT DISTINCT x AS id FROM unnest(n.visible_positions || n.agency_id) AS x) r
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION letters.archive_readers_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM letters.archive_readers r
                    USING new_entries n JOIN old_entries o ON o.id = n.id
                    WHERE r.entry_id = n.id
                      AND (n.visible_positions, n.agency_id, n.closed_at, n.letter_date, n.kind, n.security_class, n.classification_code, n.correspondent)
                          IS DISTINCT FROM (o.visible_positions, o.agency_id, o.closed_at, o.letter_date, o.kind, o.security_class, o.classification_code, o.correspondent);
                    INSERT INTO letters.archive_readers (reader_id, entry_id, agency_id, closed_at, letter_date, kind, security_class, classification_code, correspondent)
                    SELECT r.id, n.id, n.agency_id, n.closed_at, n.letter_date, n.kind, n.security_class, n.classification_code, left(n.correspondent, 500)
                    FROM new_entries n
                    JOIN old_entries o ON o.id = n.id
                    CROSS JOIN LATERAL (SELECT DISTINCT x AS id FROM unnest(n.visible_positions || n.agency_id) AS x) r
                    WHERE (n.visible_positions, n.agency_id, n.closed_at, n.letter_date, n.kind, n.security_class, n.classification_code, n.correspondent)
                          IS DISTINCT FROM (o.visible_positions, o.agency_id, o.closed_at, o.letter_date, o.kind, o.security_class, o.classification_code, o.correspondent)
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;

                UPDATE letters.archive_readers r SET correspondent = left(e.correspondent, 500)
                FROM letters.archive_entries e WHERE e.id = r.entry_id;
                """);
            // --- end of ArchiveReaderCorrespondent raw SQL ---

            migrationBuilder.CreateIndex(
                name: "ix_archive_readers_reader_id_closed_at",
                schema: "letters",
                table: "archive_readers",
                columns: new[] { "reader_id", "closed_at" },
                descending: new[] { false, true })
                .Annotation("Npgsql:IndexInclude", new[] { "entry_id", "letter_date", "kind", "security_class", "classification_code", "agency_id", "correspondent" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION letters.archive_readers_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO letters.archive_readers (reader_id, entry_id, agency_id, closed_at, letter_date, kind, security_class, classification_code)
                    SELECT r.id, n.id, n.agency_id, n.closed_at, n.letter_date, n.kind, n.security_class, n.classification_code
                    FROM new_entries n
                    CROSS JOIN LATERAL (SELECT DISTINCT x AS id FROM unnest(n.visible_positions || n.agency_id) AS x) r
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;

                CREATE OR REPLACE FUNCTION letters.archive_readers_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM letters.archive_readers r
                    USING new_entries n JOIN old_entries o ON o.id = n.id
                    WHERE r.entry_id = n.id
                      AND (n.visible_positions, n.agency_id, n.closed_at, n.letter_date, n.kind, n.security_class, n.classification_code)
                          IS DISTINCT FROM (o.visible_positions, o.agency_id, o.closed_at, o.letter_date, o.kind, o.security_class, o.classification_code);
                    INSERT INTO letters.archive_readers (reader_id, entry_id, agency_id, closed_at, letter_date, kind, security_class, classification_code)
                    SELECT r.id, n.id, n.agency_id, n.closed_at, n.letter_date, n.kind, n.security_class, n.classification_code
                    FROM new_entries n
                    JOIN old_entries o ON o.id = n.id
                    CROSS JOIN LATERAL (SELECT DISTINCT x AS id FROM unnest(n.visible_positions || n.agency_id) AS x) r
                    WHERE (n.visible_positions, n.agency_id, n.closed_at, n.letter_date, n.kind, n.security_class, n.classification_code)
                          IS DISTINCT FROM (o.visible_positions, o.agency_id, o.closed_at, o.letter_date, o.kind, o.security_class, o.classification_code)
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                """);

            migrationBuilder.DropIndex(
                name: "ix_archive_readers_reader_id_closed_at",
                schema: "letters",
                table: "archive_readers");

            migrationBuilder.DropColumn(
                name: "correspondent",
                schema: "letters",
                table: "archive_readers");

            migrationBuilder.CreateIndex(
                name: "ix_archive_readers_reader_id_closed_at",
                schema: "letters",
                table: "archive_readers",
                columns: new[] { "reader_id", "closed_at" },
                descending: new[] { false, true })
                .Annotation("Npgsql:IndexInclude", new[] { "entry_id", "letter_date", "kind", "security_class", "classification_code", "agency_id" });
        }
    }
}
