using Microsoft.AspNetCore.Identity;

namespace BillCenter.Bench.Reference.Data;

/// <summary>The one user of the reference app (the same credentials as BillCenter's demo cardholder), checked with ASP.NET's PasswordHasher.</summary>
internal sealed class ReferenceUser
{
    public const string UserName = "demo.cardholder";
    private const string Password = "paper lantern river 42";

    private readonly PasswordHasher<string> hasher = new();
    private readonly string passwordHash;

    public ReferenceUser() => passwordHash = hasher.HashPassword(UserName, Password);

    public bool Check(string? userName, string? password) =>
        userName == UserName && password is not null &&
        hasher.VerifyHashedPassword(UserName, passwordHash, password) != PasswordVerificationResult.Failed;
}
