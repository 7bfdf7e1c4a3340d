using System.Security.Cryptography;
using System.Text.Json;
using BillCenter.SharedKernel.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace BillCenter.SharedKernel.Web.Journeys;

/// <summary>
/// A multi-step flow (enrollment, recovery, …) whose progress is carried by the browser in one encrypted,
/// time-limited cookie: nothing half-done is stored in the database, and any instance can carry on the journey
/// (Data Protection keys are shared). A journey declares, in one file, its steps (which page may show in which
/// state) and its transitions (pure functions from one state to the next state and page); its pages derive
/// from <see cref="JourneyPage{TJourney,TState}"/> and call <c>Go(Journey.Transition(State, …))</c>.
/// </summary>
/// <typeparam name="TState">An immutable record of what the journey knows so far; never a card number or card ID.</typeparam>
public abstract class Journey<TState>
    where TState : class, new()
{
    private readonly ITimeLimitedDataProtector _protector;
    private readonly bool _alwaysSecure;

    /// <param name="dataProtection">Encrypts and signs the cookie.</param>
    /// <param name="configuration">Read for <c>Security:SecureCookies</c>, like every other cookie of the app.</param>
    /// <param name="name">Short name, also the cookie's name (<c>__Host-bc.enroll</c>, <c>bc.enroll</c> when cookies are not Secure; see <see cref="AppCookies"/>).</param>
    /// <param name="lifetime">How long the cookie is honoured after the last step saved it.</param>
    protected Journey(IDataProtectionProvider dataProtection, IConfiguration configuration, string name, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Lifetime = lifetime;
        _protector = dataProtection.CreateProtector("BillCenter.Journey", name, "v1").ToTimeLimitedDataProtector();
        _alwaysSecure = AppCookies.AlwaysSecure(configuration);
        CookieName = AppCookies.Name(configuration, name);
    }

    public string Name { get; }

    /// <summary>The cookie's name, from the one cookie policy: a <c>__Host-</c> cookie (Secure, Path=/, no Domain) whenever cookies are Secure.</summary>
    public string CookieName { get; }

    public TimeSpan Lifetime { get; }

    /// <summary>The page a journey starts on, and where a step that may not show sends the browser back to.</summary>
    public abstract string FirstPage { get; }

    /// <summary>The table of steps: each page of the journey (its Razor page name) and when it may show.</summary>
    protected abstract IReadOnlyDictionary<string, Func<TState, bool>> Steps { get; }

    /// <summary>Whether <paramref name="page"/> may show for <paramref name="state"/>. A page that is not a step is a programming error.</summary>
    public bool MayShow(string page, TState state) =>
        Steps.TryGetValue(page, out var mayShow)
            ? mayShow(state)
            : throw new InvalidOperationException($"{page} is not a step of the {Name} journey: add it to the journey's steps.");

    /// <summary>The pages the journey knows, for tests and diagnostics.</summary>
    public IEnumerable<string> Pages => Steps.Keys;

    /// <summary>The journey so far; a fresh state when there is none, it expired, or it was tampered with.</summary>
    public TState Load(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return new TState();
        }

        try
        {
            return JsonSerializer.Deserialize<TState>(_protector.Unprotect(value)) ?? new TState();
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return new TState();
        }
    }

    public void Save(HttpContext http, TState state)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(state);
        http.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(state), Lifetime), CookieOptions(http));
    }

    /// <summary>Forgets the journey (the browser drops the cookie).</summary>
    public void End(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Cookies.Delete(CookieName, CookieOptions(http));
    }

    private CookieOptions CookieOptions(HttpContext http) => new()
    {
        HttpOnly = true,
        Secure = _alwaysSecure || http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
    };
}
