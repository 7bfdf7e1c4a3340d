using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillCenter.Modules.Accounts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MobilePhoneVerified : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "MobilePhoneVerifiedAt",
                table: "card_accounts",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MobilePhoneVerifiedAt",
                table: "card_accounts");
        }
    }
}
