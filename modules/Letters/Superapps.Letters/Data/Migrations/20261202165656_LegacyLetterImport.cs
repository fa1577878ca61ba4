using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class LegacyLetterImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "imported_letters",
                schema: "letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    legacy_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    agency_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    agenda_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: true),
                    correspondent = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    security_class = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    classification_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    scan_file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispositions = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imported_letters", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_imported_letters_agency_id_date",
                schema: "letters",
                table: "imported_letters",
                columns: new[] { "agency_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_imported_letters_source_legacy_id",
                schema: "letters",
                table: "imported_letters",
                columns: new[] { "source", "legacy_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "imported_letters",
                schema: "letters");
        }
    }
}
