using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Organization.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgencyLetterheadAndEmployeeRank : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "grade",
                schema: "organization",
                table: "employees",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rank",
                schema: "organization",
                table: "employees",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "email",
                schema: "organization",
                table: "agencies",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "fax",
                schema: "organization",
                table: "agencies",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "postal_code",
                schema: "organization",
                table: "agencies",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "telephone",
                schema: "organization",
                table: "agencies",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "website",
                schema: "organization",
                table: "agencies",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "grade",
                schema: "organization",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "rank",
                schema: "organization",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "email",
                schema: "organization",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "fax",
                schema: "organization",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "postal_code",
                schema: "organization",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "telephone",
                schema: "organization",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "website",
                schema: "organization",
                table: "agencies");
        }
    }
}
