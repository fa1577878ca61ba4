using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Signing.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSigning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "signing");

            migrationBuilder.CreateTable(
                name: "authorities",
                schema: "signing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    certificate = table.Column<byte[]>(type: "bytea", nullable: false),
                    encrypted_key = table.Column<byte[]>(type: "bytea", nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    not_after = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_authorities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                schema: "signing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    certificate = table.Column<byte[]>(type: "bytea", nullable: false),
                    encrypted_key = table.Column<byte[]>(type: "bytea", nullable: false),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    not_after = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revocation_reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    revocation_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    revoked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "signed_documents",
                schema: "signing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    verification_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    issuer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    signer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    signer_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    source_module = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    provider = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    certificate_serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    certificate_subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signed_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "signers",
                schema: "signing",
                columns: table => new
                {
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signers", x => x.employee_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_authorities_kind",
                schema: "signing",
                table: "authorities",
                column: "kind",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_employee_id",
                schema: "signing",
                table: "certificates",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_serial",
                schema: "signing",
                table: "certificates",
                column: "serial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_signed_documents_sha256",
                schema: "signing",
                table: "signed_documents",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_signed_documents_source_module_source_id",
                schema: "signing",
                table: "signed_documents",
                columns: new[] { "source_module", "source_id" });

            migrationBuilder.CreateIndex(
                name: "ix_signed_documents_verification_code",
                schema: "signing",
                table: "signed_documents",
                column: "verification_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "authorities",
                schema: "signing");

            migrationBuilder.DropTable(
                name: "certificates",
                schema: "signing");

            migrationBuilder.DropTable(
                name: "signed_documents",
                schema: "signing");

            migrationBuilder.DropTable(
                name: "signers",
                schema: "signing");
        }
    }
}
