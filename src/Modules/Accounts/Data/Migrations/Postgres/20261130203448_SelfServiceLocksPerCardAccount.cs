using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillCenter.Modules.Accounts.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SelfServiceLocksPerCardAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_verification_attempts_cards_CardId",
                schema: "accounts",
                table: "verification_attempts");

            migrationBuilder.AddColumn<string>(
                name: "State",
                schema: "accounts",
                table: "verification_attempts",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            // Attempts of the last 24 hours keep counting, now per card account.
            migrationBuilder.Sql("""
                UPDATE accounts.verification_attempts v
                SET "State" = CASE WHEN v."Failed" THEN 'Failed' ELSE 'Pending' END, "CardId" = c."CardAccountId"
                FROM accounts.cards c
                WHERE c."Id" = v."CardId";
                """);

            migrationBuilder.DropColumn(
                name: "Failed",
                schema: "accounts",
                table: "verification_attempts");

            migrationBuilder.RenameColumn(
                name: "CardId",
                schema: "accounts",
                table: "verification_attempts",
                newName: "Subject");

            migrationBuilder.RenameIndex(
                name: "IX_verification_attempts_CardId_AttemptedAt",
                schema: "accounts",
                table: "verification_attempts",
                newName: "IX_verification_attempts_Subject_AttemptedAt");

            migrationBuilder.CreateTable(
                name: "self_service_locks",
                schema: "accounts",
                columns: table => new
                {
                    Subject = table.Column<Guid>(type: "uuid", nullable: false),
                    LockedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_self_service_locks", x => x.Subject);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Attempts counted per card account cannot be given back to one card: they are dropped.
            migrationBuilder.Sql("DELETE FROM accounts.verification_attempts;");

            migrationBuilder.DropTable(
                name: "self_service_locks",
                schema: "accounts");

            migrationBuilder.DropColumn(
                name: "State",
                schema: "accounts",
                table: "verification_attempts");

            migrationBuilder.RenameColumn(
                name: "Subject",
                schema: "accounts",
                table: "verification_attempts",
                newName: "CardId");

            migrationBuilder.RenameIndex(
                name: "IX_verification_attempts_Subject_AttemptedAt",
                schema: "accounts",
                table: "verification_attempts",
                newName: "IX_verification_attempts_CardId_AttemptedAt");

            migrationBuilder.AddColumn<bool>(
                name: "Failed",
                schema: "accounts",
                table: "verification_attempts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddForeignKey(
                name: "FK_verification_attempts_cards_CardId",
                schema: "accounts",
                table: "verification_attempts",
                column: "CardId",
                principalSchema: "accounts",
                principalTable: "cards",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
