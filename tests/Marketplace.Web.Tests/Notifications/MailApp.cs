using Marketplace.Tests.Shared;

namespace Marketplace.Web.Tests.Notifications;

/// <summary>
/// The app configured to send e-mail through a real SMTP server running in the test process, on a database of its own.
/// Its outbox wakes after each commit and is otherwise run by the tests (a poll of an hour), so a test decides when a
/// retry happens.
/// </summary>
public sealed class MailApp : MarketplaceApp
{
    public const string PublicBaseUrl = "https://market.test";

    public MailApp() : base("marketplace_test_mail")
    {
        Settings["Email:Smtp:Host"] = "127.0.0.1";
        Settings["Email:Smtp:Port"] = Smtp.Port.ToString();
        Settings["Email:Smtp:Security"] = "None";
        Settings["Email:Smtp:Timeout"] = "00:00:02";
        Settings["Email:PollInterval"] = "01:00:00";
        Settings["Email:PublicBaseUrl"] = PublicBaseUrl;
    }

    public TestSmtpServer Smtp { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MailCollection : ICollectionFixture<MailApp>
{
    public const string Name = "mail";
}

[Collection(MailCollection.Name)]
public abstract class MailTest(MailApp app) : IAsyncLifetime
{
    protected MailApp App { get; } = app;

    public async Task InitializeAsync()
    {
        await App.ResetAsync();
        App.Smtp.Mode = TestSmtpServer.Behaviour.Accept;
        App.Smtp.Received.Clear();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
