using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillCenter.Modules.Preferences.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_settings",
                schema: "preferences",
                columns: table => new
                {
                    CardAccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    ByEmail = table.Column<bool>(type: "boolean", nullable: false),
                    ByText = table.Column<bool>(type: "boolean", nullable: false),
                    ThresholdCents = table.Column<long>(type: "bigint", nullable: true),
                    DaysBefore = table.Column<int>(type: "integer", nullable: true),
                    ChosenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChosenBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_settings", x => new { x.CardAccountId, x.Type });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_settings",
                schema: "preferences");
        }
    }
}
