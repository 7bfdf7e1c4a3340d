using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillCenter.Modules.Preferences.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatementDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "statement_delivery",
                columns: table => new
                {
                    CardAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    ChosenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChosenBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConsentedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsentVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statement_delivery", x => x.CardAccountId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "statement_delivery");
        }
    }
}
