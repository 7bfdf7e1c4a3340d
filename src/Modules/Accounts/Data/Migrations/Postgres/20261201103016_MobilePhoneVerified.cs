using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillCenter.Modules.Accounts.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MobilePhoneVerified : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "MobilePhoneVerifiedAt",
                schema: "accounts",
                table: "card_accounts",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MobilePhoneVerifiedAt",
                schema: "accounts",
                table: "card_accounts");
        }
    }
}
