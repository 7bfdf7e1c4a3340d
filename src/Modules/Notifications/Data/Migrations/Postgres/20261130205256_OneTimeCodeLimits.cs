using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BillCenter.Modules.Notifications.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneTimeCodeLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RedeemedAt",
                schema: "notifications",
                table: "one_time_codes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "one_time_code_limit_entries",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CardAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    DestinationKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_one_time_code_limit_entries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_one_time_codes_ExpiresAt",
                schema: "notifications",
                table: "one_time_codes",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_one_time_code_limit_entries_At",
                schema: "notifications",
                table: "one_time_code_limit_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_one_time_code_limit_entries_CardAccountId_Kind_At",
                schema: "notifications",
                table: "one_time_code_limit_entries",
                columns: new[] { "CardAccountId", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_one_time_code_limit_entries_DestinationKey_Kind_At",
                schema: "notifications",
                table: "one_time_code_limit_entries",
                columns: new[] { "DestinationKey", "Kind", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "one_time_code_limit_entries",
                schema: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_one_time_codes_ExpiresAt",
                schema: "notifications",
                table: "one_time_codes");

            migrationBuilder.DropColumn(
                name: "RedeemedAt",
                schema: "notifications",
                table: "one_time_codes");
        }
    }
}
