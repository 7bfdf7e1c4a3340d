using BillCenter.Modules.Notifications.Channels;
using BillCenter.Modules.Notifications.Sms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BillCenter.Notifications.Tests;

public sealed class SmsRegistrationTests : IDisposable
{
    private readonly DirectoryInfo _contentRoot = Directory.CreateTempSubdirectory("billcenter-root-");

    public void Dispose() => _contentRoot.Delete(recursive: true);

    [Fact]
    public void Given_no_Twilio_account_Then_texts_go_to_sms_log_in_the_data_folder()
    {
        using var services = Build(new() { ["Storage:DataFolder"] = "data" });

        var channel = Assert.IsType<SmsLogChannel>(services.GetRequiredService<ISmsChannel>());

        Assert.Equal(Path.Combine(_contentRoot.FullName, "data", "sms.log"), channel.LogFile);
        Assert.Same(channel, services.GetRequiredService<ISmsChannel>());
    }

    [Theory]
    [InlineData("+15005550006", "")]
    [InlineData("", "MG00000000000000000000000000000001")]
    public void Given_an_account_token_and_a_sender_Then_texts_go_through_Twilio(string from, string messagingService)
    {
        using var services = Build(new()
        {
            ["Twilio:AccountSid"] = "AC00000000000000000000000000000001",
            ["Twilio:AuthToken"] = "token",
            ["Twilio:From"] = from,
            ["Twilio:MessagingServiceSid"] = messagingService,
        });

        Assert.IsType<TwilioSmsChannel>(services.GetRequiredService<ISmsChannel>());
        var twilio = services.GetRequiredService<IOptions<TwilioOptions>>().Value;
        Assert.Equal("https://api.twilio.com", twilio.BaseUrl);
        Assert.True(twilio.IsConfigured);
    }

    [Theory]
    [InlineData("", "token", "+15005550006", "")]
    [InlineData("AC1", "", "+15005550006", "")]
    [InlineData("AC1", "token", "", "")]
    [InlineData("AC1", "token", " ", " ")]
    public void Given_a_part_missing_Then_Twilio_is_not_configured(string accountSid, string authToken, string from, string messagingService)
    {
        var twilio = new TwilioOptions { AccountSid = accountSid, AuthToken = authToken, From = from, MessagingServiceSid = messagingService };

        Assert.False(twilio.IsConfigured);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new TestEnvironment(_contentRoot.FullName))
            .AddSms(configuration, Path.Combine(_contentRoot.FullName, configuration["Storage:DataFolder"] ?? "App_Data"))
            .BuildServiceProvider();
    }

    private sealed class TestEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "BillCenter.Notifications.Tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
