package bt.druk.registry.interfaces.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginBeanTest {

    @Test
    void continuesOnlyToStaffPagesOfThisPortal() {
        assertTrue(LoginBean.isStaffPage("/clerk/land/title.xhtml?pin=TH-1"));
        assertTrue(LoginBean.isStaffPage("/clerk/index.xhtml"));
        assertTrue(LoginBean.isStaffPage("/inspect/tamper.xhtml"));
        assertTrue(LoginBean.isStaffPage("/admin/staff.xhtml"));
        assertFalse(LoginBean.isStaffPage("/admin//evil.example"));
        assertFalse(LoginBean.isStaffPage("/account/setup.xhtml?token=x"));
        assertFalse(LoginBean.isStaffPage("/inspect//evil.example"));
        assertFalse(LoginBean.isStaffPage(null));
        assertFalse(LoginBean.isStaffPage(""));
        assertFalse(LoginBean.isStaffPage("https://evil.example/clerk/"));
        assertFalse(LoginBean.isStaffPage("//evil.example/clerk/"));
        assertFalse(LoginBean.isStaffPage("/clerk//evil.example"));
        assertFalse(LoginBean.isStaffPage("/clerk/\\\\evil.example"));
        assertFalse(LoginBean.isStaffPage("/clerk/x\r\nSet-Cookie: a=b"));
        assertFalse(LoginBean.isStaffPage("/records/land.xhtml"));
    }

    @Test
    void aSupplierContinuesOnlyToSupplierPagesOfThisPortal() {
        assertTrue(LoginBean.isSupplierPage("/supplier/index.xhtml"));
        assertFalse(LoginBean.isSupplierPage("/clerk/index.xhtml"));
        assertFalse(LoginBean.isStaffPage("/supplier/index.xhtml"));
        assertFalse(LoginBean.isSupplierPage("/supplier//evil.example"));
        assertFalse(LoginBean.isSupplierPage("/supplier/x\r\nSet-Cookie: a=b"));
        assertFalse(LoginBean.isSupplierPage(null));
    }
}
