using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace BillCenter.Modules.Enrollment.Flow;

internal enum EnrollmentPath
{
    CardWithCardId = 1,
    AccountWithoutCardId = 2,
}

/// <summary>Where a cardholder is in the enrollment journey. Never holds a card number or card ID.</summary>
internal sealed record EnrollmentState
{
    public EnrollmentPath? Path { get; init; }

    public Guid? CardAccountId { get; init; }

    public string? Last4 { get; init; }

    public string? ProductName { get; init; }

    public bool AlreadyEnrolled { get; init; }

    public Guid? CodeId { get; init; }

    public string? CodeSentTo { get; init; }

    public bool CodeVerified { get; init; }

    public string? UserName { get; init; }

    /// <summary>Kept (encrypted, in this cookie only) until the check-answers page creates the account.</summary>
    public string? Password { get; init; }

    public bool Completed { get; init; }

    public bool CardVerified => CardAccountId is not null;

    public bool ReadyToCreate => CardVerified && CodeVerified && !AlreadyEnrolled && UserName is not null && Password is not null;
}

/// <summary>
/// Keeps the journey's state in an encrypted, time-limited, HttpOnly cookie (Data Protection keys are shared by
/// every instance, so any instance can carry on the journey; nothing is stored half-done in the database).
/// </summary>
internal sealed class EnrollmentFlow(IDataProtectionProvider dataProtection)
{
    public const string CookieName = "bc.enroll";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("BillCenter.Enrollment.State.v1").ToTimeLimitedDataProtector();

    public EnrollmentState Load(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return new EnrollmentState();
        }

        try
        {
            return JsonSerializer.Deserialize<EnrollmentState>(_protector.Unprotect(value)) ?? new EnrollmentState();
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return new EnrollmentState(); // expired or tampered: start again
        }
    }

    public void Save(HttpContext http, EnrollmentState state)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(state), Lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/enroll",
            IsEssential = true,
        });
    }

    public void Clear(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/enroll" });
    }
}
