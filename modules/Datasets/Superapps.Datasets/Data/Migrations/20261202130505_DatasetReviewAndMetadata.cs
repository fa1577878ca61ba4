using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Superapps.Datasets.Data.Migrations
{
    /// <inheritdoc />
    public partial class DatasetReviewAndMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "columns",
                schema: "datasets",
                table: "versions",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string[]>(
                name: "return_reasons",
                schema: "datasets",
                table: "versions",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "review_note",
                schema: "datasets",
                table: "versions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "reviewed_at",
                schema: "datasets",
                table: "versions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "reviewed_by_id",
                schema: "datasets",
                table: "versions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reviewed_by_name",
                schema: "datasets",
                table: "versions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "keywords",
                schema: "datasets",
                table: "datasets",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "license",
                schema: "datasets",
                table: "datasets",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "CC-BY-4.0");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                schema: "datasets",
                table: "datasets",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Versions uploaded before this migration were uploaded with the data list's columns of the time: the current ones.
            migrationBuilder.Sql("UPDATE datasets.versions v SET columns = d.columns FROM datasets.datasets d WHERE d.id = v.dataset_id;");
            migrationBuilder.Sql("UPDATE datasets.datasets SET updated_at = created_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "columns",
                schema: "datasets",
                table: "versions");

            migrationBuilder.DropColumn(
                name: "return_reasons",
                schema: "datasets",
                table: "versions");

            migrationBuilder.DropColumn(
                name: "review_note",
                schema: "datasets",
                table: "versions");

            migrationBuilder.DropColumn(
                name: "reviewed_at",
                schema: "datasets",
                table: "versions");

            migrationBuilder.DropColumn(
                name: "reviewed_by_id",
                schema: "datasets",
                table: "versions");

            migrationBuilder.DropColumn(
                name: "reviewed_by_name",
                schema: "datasets",
                table: "versions");

            migrationBuilder.DropColumn(
                name: "keywords",
                schema: "datasets",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "license",
                schema: "datasets",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "updated_at",
                schema: "datasets",
                table: "datasets");
        }
    }
}
