using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace BillCenter.Modules.Accounts.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "card_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Nickname = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreditLimit = table.Column<long>(type: "INTEGER", nullable: false),
                    Balance = table.Column<long>(type: "INTEGER", nullable: false),
                    BillingCycleDay = table.Column<int>(type: "INTEGER", nullable: false),
                    billing_line1 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    billing_line2 = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    billing_city = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    billing_state = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    billing_zip = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MobilePhone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_card_accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "product_benefits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Product = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_benefits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "account_user_links",
                columns: table => new
                {
                    CardAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_user_links", x => x.CardAccountId);
                    table.ForeignKey(
                        name: "FK_account_user_links_card_accounts_CardAccountId",
                        column: x => x.CardAccountId,
                        principalTable: "card_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Last4 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 4, nullable: false),
                    CardIdVerifier = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EmbossedName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsPrimary = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReplacesCardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActivatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cards_card_accounts_CardAccountId",
                        column: x => x.CardAccountId,
                        principalTable: "card_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreviousBalance = table.Column<long>(type: "INTEGER", nullable: false),
                    PaymentsAndCredits = table.Column<long>(type: "INTEGER", nullable: false),
                    NewCharges = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosingBalance = table.Column<long>(type: "INTEGER", nullable: false),
                    MinimumDue = table.Column<long>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_statements_card_accounts_CardAccountId",
                        column: x => x.CardAccountId,
                        principalTable: "card_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardAccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PostedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    StatementId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_transactions_card_accounts_CardAccountId",
                        column: x => x.CardAccountId,
                        principalTable: "card_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_transactions_cards_CardId",
                        column: x => x.CardId,
                        principalTable: "cards",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "verification_attempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttemptedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Failed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verification_attempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_verification_attempts_cards_CardId",
                        column: x => x.CardId,
                        principalTable: "cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "product_benefits",
                columns: new[] { "Id", "Description", "Product", "Title" },
                values: new object[,]
                {
                    { 1, "Covered purchases are protected against accidental damage or theft for 90 days.", "Green", "Purchase protection" },
                    { 2, "Earn 1 point for every dollar spent on eligible purchases.", "Green", "Membership rewards" },
                    { 3, "Earn 4 points per dollar at restaurants worldwide.", "Gold", "Dining rewards" },
                    { 4, "Lost, damaged or stolen checked baggage covered up to $1,250 when the fare is paid with the card.", "Gold", "Baggage insurance" },
                    { 5, "Pay abroad without a foreign transaction fee.", "Gold", "No foreign transaction fees" },
                    { 6, "Entry to partner airport lounges for you and two guests.", "Platinum", "Airport lounge access" },
                    { 7, "Non-refundable trip costs covered up to $10,000 per trip.", "Platinum", "Trip cancellation insurance" },
                    { 8, "Complimentary elite status with partner hotel programs.", "Platinum", "Hotel status" },
                    { 9, "6% cash back at US supermarkets on up to $6,000 a year.", "BlueCash", "Cash back on groceries" },
                    { 10, "3% cash back on transit, including taxis, rideshare and trains.", "BlueCash", "Cash back on transit" },
                    { 11, "Per-card limits and merchant category controls set by your program administrator.", "CorporatePurchasing", "Spend controls" },
                    { 12, "Up to 55 days to pay with consolidated billing.", "CorporatePurchasing", "Extended payment terms" },
                    { 13, "Draw funds when you need them and pay interest only on what you use.", "LineOfCredit", "Flexible draws" },
                    { 14, "All your program's cards on a single statement with one payment.", "Consolidator", "One bill for many cards" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_account_user_links_UserId",
                table: "account_user_links",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_cards_CardAccountId",
                table: "cards",
                column: "CardAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_cards_Fingerprint",
                table: "cards",
                column: "Fingerprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_PublishedAt_OccurredAt",
                table: "outbox_messages",
                columns: new[] { "PublishedAt", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_product_benefits_Product",
                table: "product_benefits",
                column: "Product");

            migrationBuilder.CreateIndex(
                name: "IX_statements_CardAccountId_PeriodEnd",
                table: "statements",
                columns: new[] { "CardAccountId", "PeriodEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transactions_CardAccountId_PostedAt",
                table: "transactions",
                columns: new[] { "CardAccountId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_transactions_CardId_PostedAt",
                table: "transactions",
                columns: new[] { "CardId", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_verification_attempts_CardId_AttemptedAt",
                table: "verification_attempts",
                columns: new[] { "CardId", "AttemptedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_user_links");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "product_benefits");

            migrationBuilder.DropTable(
                name: "statements");

            migrationBuilder.DropTable(
                name: "transactions");

            migrationBuilder.DropTable(
                name: "verification_attempts");

            migrationBuilder.DropTable(
                name: "cards");

            migrationBuilder.DropTable(
                name: "card_accounts");
        }
    }
}
