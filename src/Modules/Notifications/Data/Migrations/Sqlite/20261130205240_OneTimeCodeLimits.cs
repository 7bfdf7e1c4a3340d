using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillCenter.Modules.Notifications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneTimeCodeLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RedeemedAt",
                table: "one_time_codes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "one_time_code_limit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CardAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DestinationKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_one_time_code_limit_entries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_one_time_codes_ExpiresAt",
                table: "one_time_codes",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_one_time_code_limit_entries_At",
                table: "one_time_code_limit_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_one_time_code_limit_entries_CardAccountId_Kind_At",
                table: "one_time_code_limit_entries",
                columns: new[] { "CardAccountId", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_one_time_code_limit_entries_DestinationKey_Kind_At",
                table: "one_time_code_limit_entries",
                columns: new[] { "DestinationKey", "Kind", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "one_time_code_limit_entries");

            migrationBuilder.DropIndex(
                name: "IX_one_time_codes_ExpiresAt",
                table: "one_time_codes");

            migrationBuilder.DropColumn(
                name: "RedeemedAt",
                table: "one_time_codes");
        }
    }
}
