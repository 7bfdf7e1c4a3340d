using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillCenter.Modules.Users.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SignInLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FailedSignInsSinceSuccess",
                schema: "users",
                table: "AspNetUsers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignInCodeExpiresAt",
                schema: "users",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignInCodeHash",
                schema: "users",
                table: "AspNetUsers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailedSignInsSinceSuccess",
                schema: "users",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SignInCodeExpiresAt",
                schema: "users",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SignInCodeHash",
                schema: "users",
                table: "AspNetUsers");
        }
    }
}
