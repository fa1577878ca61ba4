using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Letters.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportedOutgoingScans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "imported_scans",
                schema: "letters",
                columns: table => new
                {
                    imported_letter_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imported_scans", x => x.imported_letter_id);
                    table.ForeignKey(
                        name: "fk_imported_scans_imported_letters_imported_letter_id",
                        column: x => x.imported_letter_id,
                        principalSchema: "letters",
                        principalTable: "imported_letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "imported_scans",
                schema: "letters");
        }
    }
}
