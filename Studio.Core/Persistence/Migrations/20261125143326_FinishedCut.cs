using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Studio.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FinishedCut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-set defaults: rows made before this migration get what CaptionStyle.Default, English and hard cuts give.
            migrationBuilder.AddColumn<double>(
                name: "CaptionBottomRatio",
                table: "Templates",
                type: "REAL",
                nullable: false,
                defaultValue: 0.22);

            migrationBuilder.AddColumn<double>(
                name: "CaptionFontRatio",
                table: "Templates",
                type: "REAL",
                nullable: false,
                defaultValue: 0.028);

            migrationBuilder.AddColumn<double>(
                name: "CaptionOutlineRatio",
                table: "Templates",
                type: "REAL",
                nullable: false,
                defaultValue: 0.1);

            migrationBuilder.AddColumn<double>(
                name: "CaptionSideRatio",
                table: "Templates",
                type: "REAL",
                nullable: false,
                defaultValue: 0.07);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Templates",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "Transition",
                table: "Templates",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Cut");

            migrationBuilder.AddColumn<string>(
                name: "Narration",
                table: "Segments",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Captions",
                table: "Jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Jobs",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<Guid>(
                name: "MusicAssetId",
                table: "Jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Transition",
                table: "Jobs",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Cut");

            migrationBuilder.AddColumn<string>(
                name: "VoiceEngine",
                table: "Jobs",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VoiceName",
                table: "Jobs",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CaptionBottomRatio",
                table: "Templates");

            migrationBuilder.DropColumn(
                name: "CaptionFontRatio",
                table: "Templates");

            migrationBuilder.DropColumn(
                name: "CaptionOutlineRatio",
                table: "Templates");

            migrationBuilder.DropColumn(
                name: "CaptionSideRatio",
                table: "Templates");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Templates");

            migrationBuilder.DropColumn(
                name: "Transition",
                table: "Templates");

            migrationBuilder.DropColumn(
                name: "Narration",
                table: "Segments");

            migrationBuilder.DropColumn(
                name: "Captions",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "MusicAssetId",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "Transition",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "VoiceEngine",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "VoiceName",
                table: "Jobs");
        }
    }
}
