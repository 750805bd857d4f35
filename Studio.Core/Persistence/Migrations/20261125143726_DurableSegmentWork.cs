using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Studio.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DurableSegmentWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DueAt",
                table: "Segments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "Segments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "Segments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Polls",
                table: "Segments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ProviderAttempts",
                table: "Segments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SelectedTake",
                table: "Segments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Submissions",
                table: "Segments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Take",
                table: "Segments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "FallbackProviders",
                table: "Jobs",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Takes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SegmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Prompt = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ClipFile = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CostUsd = table.Column<decimal>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Takes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Takes_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Segments_Provider_Status",
                table: "Segments",
                columns: new[] { "Provider", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Segments_Status_DueAt",
                table: "Segments",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Takes_JobId",
                table: "Takes",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_Takes_SegmentId_Number",
                table: "Takes",
                columns: new[] { "SegmentId", "Number" },
                unique: true);

            // Clips made before takes existed become take 1 (same id as its segment: one each), in the cut; every attempt then was a submission.
            migrationBuilder.Sql("""
                UPDATE "Segments" SET "Submissions" = "Attempts", "ProviderAttempts" = "Attempts";
                UPDATE "Segments" SET "SelectedTake" = 1 WHERE "Status" = 'Succeeded' AND "ClipFile" IS NOT NULL;
                INSERT INTO "Takes" ("Id", "SegmentId", "JobId", "Number", "Provider", "Prompt", "ClipFile", "CostUsd", "CreatedAt")
                SELECT "Id", "Id", "JobId", 1, "Provider", "Prompt", "ClipFile", "CostUsd", COALESCE("FinishedAt", 0)
                FROM "Segments" WHERE "Status" = 'Succeeded' AND "ClipFile" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Takes");

            migrationBuilder.DropIndex(
                name: "IX_Segments_Provider_Status",
                table: "Segments");

            migrationBuilder.DropIndex(
                name: "IX_Segments_Status_DueAt",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "DueAt",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "Polls",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "ProviderAttempts",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "SelectedTake",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "Submissions",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "Take",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "FallbackProviders",
                table: "Jobs");
        }
    }
}
