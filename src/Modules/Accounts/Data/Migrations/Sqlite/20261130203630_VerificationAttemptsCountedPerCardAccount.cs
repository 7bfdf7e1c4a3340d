using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BillCenter.Modules.Accounts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VerificationAttemptsCountedPerCardAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The attempts recorded per card before count for the card's account.
            migrationBuilder.Sql("""
                UPDATE verification_attempts
                SET Subject = (SELECT c.CardAccountId FROM cards c WHERE c.Id = verification_attempts.Subject)
                WHERE EXISTS (SELECT 1 FROM cards c WHERE c.Id = verification_attempts.Subject);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Attempts counted per card account cannot be given back to one card: they are dropped.
            migrationBuilder.Sql("DELETE FROM verification_attempts;");
        }
    }
}
