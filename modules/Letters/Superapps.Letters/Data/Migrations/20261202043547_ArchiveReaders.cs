using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArchiveReaders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "archive_readers",
                schema: "letters",
                columns: table => new
                {
                    reader_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    letter_date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    security_class = table.Column<int>(type: "integer", nullable: false),
                    classification_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_archive_readers", x => new { x.entry_id, x.reader_id });
                    table.ForeignKey(
                        name: "fk_archive_readers_archive_entries_entry_id",
                        column: x => x.entry_id,
                        principalSchema: "letters",
                        principalTable: "archive_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // --- ArchiveReaders raw SQL (copy as is into a re-created migration, after the CREATE TABLE, before the indexes) ---
            // The readers of each entry (the positions named on it and its OPD) are kept by statement-level triggers on the entries,
            // so that every writer (ArchiveIndex's statements, backfills, retention decisions) keeps them right. An update rewrites
            // an entry's rows only when a column they copy changed (retention dates and decisions do not touch them).
            migrationBuilder.Sql("""
                CREATE FUNCTION letters.archive_readers_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO letters.archive_readers (reader_id, entry_id, agency_id, closed_at, letter_date, kind, security_class, classification_code)
                    SELECT r.id, n.id, n.agency_id, n.closed_at, n.letter_date, n.kind, n.security_class, n.classification_code
                    FROM new_entries n
                    CROSS JOIN LATERAL (SELECT DISTINCT x AS id FROM unnest(n.visible_positions || n.agency_id) AS x) r
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION letters.archive_readers_updated() RETURNS trigger LANGUAGE plpgsql AS $$
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

                CREATE TRIGGER archive_readers_inserted AFTER INSERT ON letters.archive_entries
                    REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION letters.archive_readers_inserted();
                CREATE TRIGGER archive_readers_updated AFTER UPDATE ON letters.archive_entries
                    REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION letters.archive_readers_updated();

                INSERT INTO letters.archive_readers (reader_id, entry_id, agency_id, closed_at, letter_date, kind, security_class, classification_code)
                SELECT r.id, e.id, e.agency_id, e.closed_at, e.letter_date, e.kind, e.security_class, e.classification_code
                FROM letters.archive_entries e
                CROSS JOIN LATERAL (SELECT DISTINCT x AS id FROM unnest(e.visible_positions || e.agency_id) AS x) r;
                """);
            // --- end of ArchiveReaders raw SQL ---

            migrationBuilder.CreateIndex(
                name: "ix_archive_entries_number",
                schema: "letters",
                table: "archive_entries",
                column: "number");

            migrationBuilder.CreateIndex(
                name: "ix_archive_readers_reader_id_closed_at",
                schema: "letters",
                table: "archive_readers",
                columns: new[] { "reader_id", "closed_at" },
                descending: new[] { false, true })
                .Annotation("Npgsql:IndexInclude", new[] { "entry_id", "letter_date", "kind", "security_class", "classification_code", "agency_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER archive_readers_updated ON letters.archive_entries;
                DROP TRIGGER archive_readers_inserted ON letters.archive_entries;
                DROP FUNCTION letters.archive_readers_updated();
                DROP FUNCTION letters.archive_readers_inserted();
                """);

            migrationBuilder.DropTable(
                name: "archive_readers",
                schema: "letters");

            migrationBuilder.DropIndex(
                name: "ix_archive_entries_number",
                schema: "letters",
                table: "archive_entries");
        }
    }
}
