using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Studio.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CostLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "Segments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OpenChargeUsd",
                table: "Segments",
                type: "TEXT",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "TakeCostUsd",
                table: "Segments",
                type: "TEXT",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "EstimatedScriptUsd",
                table: "Jobs",
                type: "TEXT",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "EstimatedVoiceUsd",
                table: "Jobs",
                type: "TEXT",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "ScriptCostUsd",
                table: "Jobs",
                type: "TEXT",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "VoiceCostUsd",
                table: "Jobs",
                type: "TEXT",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "Costs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SegmentIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AmountUsd = table.Column<decimal>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Costs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Costs_At",
                table: "Costs",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Costs_JobId",
                table: "Costs",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_Costs_OwnerId_At",
                table: "Costs",
                columns: new[] { "OwnerId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Costs");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "OpenChargeUsd",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "TakeCostUsd",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "EstimatedScriptUsd",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "EstimatedVoiceUsd",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "ScriptCostUsd",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "VoiceCostUsd",
                table: "Jobs");
        }
    }
}
