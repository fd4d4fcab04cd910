// SPDX-License-Identifier: GPL-3.0-or-later
// Settings for a manager: store details, tax rates, gift-card limits, discount threshold, idle
// lock, and this machine's receipt printer, chosen from the printers found (CUPS queues, USB
// receipt printers, a network printer by address) with a test print, and a no-sale drawer
// button.
#pragma once

#include "pos/screens/screen.h"
#include "printing/printersettings.h"

#include "core/services/storesettings.h"

#include <QList>
#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QVBoxLayout;
class QTableWidget;
class QThread;

namespace oasis::screens {

class StoreLocationEditor;

/// A printer Settings found on this computer.
struct FoundPrinter {
    enum class Kind { Usb, System };
    Kind kind = Kind::Usb;
    QString name;   ///< "USB receipt printer 1", or the CUPS queue's name
    QString detail; ///< "/dev/usb/lp0", "Epson TM-T20 · default"
    QString target; ///< what "Use this printer" saves: device:PATH, system:NAME or lp:QUEUE
    bool isDefault = false;
};

/// The receipt printers on USB (`usbFolder`, normally /dev/usb) and this computer's printers
/// (QPrinterInfo): a CUPS raw queue takes ESC/POS through lp (lp:QUEUE), a queue with a driver
/// prints through QPrinter (system:NAME).
QList<FoundPrinter> findPrinters(const QString &usbFolder);

/// A printer target in words for the person at the counter: "Network printer at
/// 192.168.1.50:9100", "USB receipt printer at /dev/usb/lp0", …
QString describePrinterTarget(const QString &target);

/// Self-contained screen; the main window hosts it. Store-wide settings live in the database
/// and need Action::Settings (a manager, or a manager's approval); the printer is this
/// machine's and lives in QSettings (printing::PrinterSettings).
class SettingsScreen final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsScreen)
public:
    explicit SettingsScreen(const ScreenContext &ctx, QWidget *parent = nullptr);
    ~SettingsScreen() override;

    /// Fills every field from the database and QSettings.
    void load();
    QString message() const;
    QString printerMessage() const;
    QTabWidget *tabs() const { return m_tabs; }

    // --- what the buttons do (tests call these; the fields are filled by them too) ---------
    /// Saves the store-details fields.
    Status saveStoreInfo();
    /// The store's mail server (Email tab): checked whole, then saved with a manager's approval;
    /// a password typed is kept in the store's key file, never in the settings.
    Status saveEmail();
    /// Adds the rate typed in the tax fields.
    Status addTaxRate();
    /// Saves gift-card presets and limits, the discount threshold and the idle lock.
    Status saveRules();
    /// This register's printer with the paper, QR and drawer fields.
    printing::PrinterSettings printerSettings() const;
    /// Saves the paper, QR and drawer fields for the printer in use (needs Action::Settings).
    Status savePrinter();
    /// Where receipt printers on USB appear (/dev/usb); Settings looks there again.
    void setUsbFolder(const QString &folder);
    /// Looks for printers again and lists them.
    void refreshPrinters();
    const QList<FoundPrinter> &foundPrinters() const { return m_found; }
    /// "Use this printer": saves `target` as this register's receipt printer, with the paper,
    /// QR and drawer fields (needs Action::Settings: a manager, or a manager's approval). An
    /// empty target: no receipt printer.
    Status usePrinter(const QString &target);
    /// The network printer in the address and port fields, as tcp:HOST:PORT.
    Result<QString> networkTarget() const;
    /// "Use this printer" of the network entry: bad input gets a line and saves nothing.
    Status useNetworkPrinter();
    /// "Test print" of the network entry.
    void testNetworkPrinter();
    /// Prints a sample receipt on `target` (empty: the printer in use), off the GUI thread (a
    /// system printer: on it, with a wait cursor); printerJobFinished tells how it went.
    void testPrint(const QString &target = {});
    /// A manager's no-sale: opens the drawer through the printer in use.
    void openDrawer();
    bool printerBusy() const { return m_job != nullptr; }
    /// Keeps the store location in the "This register" fields for this computer's next start.
    Status saveStoreLocation();
    StoreLocationEditor *storeLocation() const { return m_location; }

    /// Saves this computer's customer display: the screen (its name; empty for none) and the
    /// idle message. A screen that is not connected is refused in one line.
    Status saveDisplay(const QString &screen, const QString &message);
    /// Adds a section under the customer display on "This register" (the counter app's camera,
    /// which this library does not link).
    void addRegisterSection(QWidget *section);

Q_SIGNALS:
    /// This computer's customer display was chosen or turned off.
    void displaySettingsChanged();
    /// Store-wide settings changed (receipts' header, limits, idle lock).
    void settingsChanged();
    /// This machine's printer settings were saved: the register should reload them.
    void printerSettingsChanged();
    /// A test print or drawer opening finished; `message` is the printer's error when !ok.
    void printerJobFinished(bool ok, const QString &message);
    /// "Restart now" after the store location changed: the app closes and starts again.
    void restartRequested();

private:
    StaffMember user() const;
    Status report(Status status, const QString &done);
    void showMessage(QLabel *label, const QString &text, bool error);
    void loadTaxes();
    void runPrinterJob(std::function<Status()> job, const QString &done);

    QWidget *storePage();
    QWidget *emailPage();
    QWidget *taxPage();
    QWidget *rulesPage();
    QWidget *printerPage();
    QWidget *printerRow(const QString &name, const QString &detail, const QString &target,
                        QWidget *parent);
    void showCurrentPrinter();
    void setPrinterButtonsEnabled(bool enabled);
    QWidget *registerPage();
    QWidget *displayBox(QWidget *parent);

    ScreenContext m_ctx;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_displayScreen = nullptr;
    QLineEdit *m_displayMessage = nullptr;
    QLabel *m_displayNote = nullptr;
    QLabel *m_message = nullptr;

    QLineEdit *m_storeName = nullptr;
    QPlainTextEdit *m_address = nullptr;
    QLineEdit *m_phone = nullptr;
    QPlainTextEdit *m_footer = nullptr;
    QComboBox *m_currency = nullptr;
    QLineEdit *m_smtpHost = nullptr;
    QSpinBox *m_smtpPort = nullptr;
    QComboBox *m_smtpSecurity = nullptr;
    QLineEdit *m_smtpUser = nullptr;
    QLineEdit *m_smtpFrom = nullptr;
    QLineEdit *m_smtpPassword = nullptr;

    QTableWidget *m_taxTable = nullptr;
    QComboBox *m_taxClass = nullptr;
    QLineEdit *m_taxRate = nullptr;
    QDateEdit *m_taxFrom = nullptr;

    QLineEdit *m_presets = nullptr;
    QLineEdit *m_minimum = nullptr;
    QLineEdit *m_maximum = nullptr;
    QLineEdit *m_threshold = nullptr;
    QSpinBox *m_idleMinutes = nullptr;

    QString m_target; ///< the printer in use (saved)
    QString m_usbFolder;
    QList<FoundPrinter> m_found;
    QLabel *m_current = nullptr;
    QPushButton *m_stopUsing = nullptr;
    QWidget *m_foundList = nullptr;
    QLineEdit *m_networkAddress = nullptr;
    QLineEdit *m_networkPort = nullptr;
    QComboBox *m_paper = nullptr;
    QComboBox *m_qr = nullptr;
    QCheckBox *m_drawer = nullptr;
    QPushButton *m_openDrawer = nullptr;
    QLabel *m_printerMessage = nullptr;
    QThread *m_job = nullptr;
    StoreLocationEditor *m_location = nullptr;
    QVBoxLayout *m_registerLayout = nullptr;
    QPushButton *m_restart = nullptr;
};

} // namespace oasis::screens
