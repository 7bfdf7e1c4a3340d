using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillCenter.Modules.Accounts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SelfServiceLocksPerCardAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_verification_attempts_cards_CardId",
                table: "verification_attempts");

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "verification_attempts",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            // Attempts of the last 24 hours keep counting (their subject becomes the card account in the next migration,
            // once the rebuilt table no longer holds a foreign key to the cards).
            migrationBuilder.Sql("UPDATE verification_attempts SET State = CASE WHEN Failed THEN 'Failed' ELSE 'Pending' END;");

            migrationBuilder.DropColumn(
                name: "Failed",
                table: "verification_attempts");

            migrationBuilder.RenameColumn(
                name: "CardId",
                table: "verification_attempts",
                newName: "Subject");

            migrationBuilder.RenameIndex(
                name: "IX_verification_attempts_CardId_AttemptedAt",
                table: "verification_attempts",
                newName: "IX_verification_attempts_Subject_AttemptedAt");

            migrationBuilder.CreateTable(
                name: "self_service_locks",
                columns: table => new
                {
                    Subject = table.Column<Guid>(type: "TEXT", nullable: false),
                    LockedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_self_service_locks", x => x.Subject);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "self_service_locks");

            migrationBuilder.DropColumn(
                name: "State",
                table: "verification_attempts");

            migrationBuilder.RenameColumn(
                name: "Subject",
                table: "verification_attempts",
                newName: "CardId");

            migrationBuilder.RenameIndex(
                name: "IX_verification_attempts_Subject_AttemptedAt",
                table: "verification_attempts",
                newName: "IX_verification_attempts_CardId_AttemptedAt");

            migrationBuilder.AddColumn<bool>(
                name: "Failed",
                table: "verification_attempts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddForeignKey(
                name: "FK_verification_attempts_cards_CardId",
                table: "verification_attempts",
                column: "CardId",
                principalTable: "cards",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
