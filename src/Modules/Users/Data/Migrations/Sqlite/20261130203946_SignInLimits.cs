using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillCenter.Modules.Users.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignInLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailedSignInsSinceSuccess",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignInCodeExpiresAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignInCodeHash",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedSignInsSinceSuccess",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SignInCodeExpiresAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SignInCodeHash",
                table: "AspNetUsers");
        }
    }
}
